package dev.sessionledger.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * An MCP client transport that keeps every JSON-RPC message its client sent and received, in the
 * order they passed, and otherwise is the transport it wraps.
 */
final class WiretapTransport implements McpClientTransport {

    /** One message as the client saw it: {@code client} sent it, {@code server} sent it to the client. */
    record Passed(String sender, JsonNode payload) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final McpClientTransport transport;
    private final List<Passed> passed = new CopyOnWriteArrayList<>();

    WiretapTransport(McpClientTransport transport) {
        this.transport = transport;
    }

    List<Passed> passed() {
        return List.copyOf(passed);
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return transport.connect(incoming -> handler.apply(incoming.doOnNext(message -> keep("server", message))));
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.defer(() -> {
            keep("client", message);
            return transport.sendMessage(message);
        });
    }

    private void keep(String sender, McpSchema.JSONRPCMessage message) {
        passed.add(new Passed(sender, JSON.valueToTree(message)));
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        transport.setExceptionHandler(handler);
    }

    @Override
    public List<String> protocolVersions() {
        return transport.protocolVersions();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return transport.closeGracefully();
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return transport.unmarshalFrom(data, type);
    }
}
