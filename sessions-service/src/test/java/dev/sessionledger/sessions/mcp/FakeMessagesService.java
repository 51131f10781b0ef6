package dev.sessionledger.sessions.mcp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP server standing in for messages-service's internal sender lookup, written to the
 * contract: {@code GET /internal/mcp/messages/senders?message_id=...} answers the known messages.
 */
public class FakeMessagesService implements QuarkusTestResourceLifecycleManager {

    static final Map<String, String> SENDERS = new ConcurrentHashMap<>();
    static final AtomicBoolean FAILING = new AtomicBoolean();
    /** Accepts requests and never answers them, as a stalled process would. */
    static final AtomicBoolean STALLED = new AtomicBoolean();
    static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>();
    private static HttpServer server;

    /** Makes messages-service know a message: its sender entry of the lookup's answer, as JSON. */
    static void knows(String messageId, String sessionId, String serverSessionId, String senderType, String senderId,
            String participantId) {
        SENDERS.put(messageId, String.format(
                "{\"message_id\":\"%s\",\"session_id\":\"%s\",\"server_session_id\":%s,\"sender_type\":\"%s\","
                        + "\"sender_id\":\"%s\",\"participant_id\":%s}",
                messageId, sessionId, quoted(serverSessionId), senderType, senderId, quoted(participantId)));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/mcp/messages/senders", exchange -> {
            LAST_AUTHORIZATION.set(exchange.getRequestHeaders().getFirst("Authorization"));
            while (STALLED.get()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            byte[] body;
            int status;
            if (FAILING.get()) {
                status = 500;
                body = "{}".getBytes(StandardCharsets.UTF_8);
            } else {
                List<String> items = new ArrayList<>();
                String query = exchange.getRequestURI().getRawQuery();
                for (String pair : query == null ? new String[0] : query.split("&")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2 && kv[0].equals("message_id")) {
                        String sender = SENDERS.get(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                        if (sender != null) {
                            items.add(sender);
                        }
                    }
                }
                status = 200;
                body = ("{\"items\":[" + String.join(",", items) + "]}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // One thread per request, so that a stalled request does not hold back the next one.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return Map.of("quarkus.rest-client.messages.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
