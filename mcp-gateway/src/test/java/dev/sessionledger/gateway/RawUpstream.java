package dev.sessionledger.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An upstream MCP server answering by hand, for what the SDK's server does not let a test control:
 * an SSE answer whose second event waits until the test lets it go (so a test sees the first one
 * pass alone), an answer that never comes, its own session id. It keeps every request it got.
 */
final class RawUpstream implements AutoCloseable {

    static final String SESSION = "upstream-session-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as this upstream got it. */
    record Seen(String method, String rpcMethod, String authorization, String sessionId, String apiKey, String protocolVersion) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    volatile CountDownLatch secondEvent = new CountDownLatch(1);

    RawUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/mcp", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        String rpc = body.path("method").asText(null);
        seen.add(new Seen(exchange.getRequestMethod(), rpc, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Mcp-Session-Id"), exchange.getRequestHeaders().getFirst("X-Api-Key"),
                exchange.getRequestHeaders().getFirst("MCP-Protocol-Version")));
        switch (exchange.getRequestMethod()) {
            case "DELETE" -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            }
            case "GET" -> {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                write(exchange.getResponseBody(), "id: g1\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\",\"data\":\"hi\"}}\n\n");
                exchange.close();
            }
            default -> post(exchange, body, rpc);
        }
    }

    private void post(HttpExchange exchange, JsonNode body, String rpc) throws IOException {
        String id = body.path("id").toString();
        if ("initialize".equals(rpc)) {
            byte[] answer = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"serverInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Mcp-Session-Id", SESSION);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        } else if ("hang".equals(rpc)) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        } else if (!body.has("method") || !body.has("id")) {
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        } else {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "id: e1\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":1,\"progress\":1}}\n\n");
            try {
                secondEvent.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            write(out, "id: e2\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"content\":[]}}\n\n");
            exchange.close();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
