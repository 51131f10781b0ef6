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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP server standing in for messages-service's internal reads, written to the contract:
 * {@code GET /internal/mcp/messages/senders?message_id=...} answers the known messages, and
 * {@code GET /internal/mcp/messages/totals?session_id=...} the sessions that hold messages.
 */
public class FakeMessagesService implements QuarkusTestResourceLifecycleManager {

    static final Map<String, String> SENDERS = new ConcurrentHashMap<>();
    static final Map<String, String> TOTALS = new ConcurrentHashMap<>();
    /** How many times the totals were asked for. */
    static final AtomicInteger TOTALS_CALLS = new AtomicInteger();
    static final AtomicBoolean FAILING = new AtomicBoolean();
    /** Accepts requests and never answers them, as a stalled process would. */
    static final AtomicBoolean STALLED = new AtomicBoolean();
    static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>();
    private static HttpServer server;
    private static int port;

    /** Makes messages-service know a message: its sender entry of the lookup's answer, as JSON. */
    static void knows(String messageId, String sessionId, String serverSessionId, String senderType, String senderId,
            String participantId) {
        SENDERS.put(messageId, String.format(
                "{\"message_id\":\"%s\",\"session_id\":\"%s\",\"server_session_id\":%s,\"sender_type\":\"%s\","
                        + "\"sender_id\":\"%s\",\"participant_id\":%s}",
                messageId, sessionId, quoted(serverSessionId), senderType, senderId, quoted(participantId)));
    }

    /** Makes messages-service hold messages of a session: its entry of the totals' answer, as JSON. */
    static void holds(String sessionId, long messages, long fromClients, long fromServers, long errors,
            String firstAt, String lastAt) {
        TOTALS.put(sessionId, String.format(
                "{\"session_id\":\"%s\",\"message_count\":%d,\"client_message_count\":%d,"
                        + "\"server_message_count\":%d,\"error_count\":%d,\"first_message_at\":\"%s\","
                        + "\"last_message_at\":\"%s\"}",
                sessionId, messages, fromClients, fromServers, errors, firstAt, lastAt));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Override
    public Map<String, String> start() {
        serve(0);
        return Map.of("quarkus.rest-client.messages.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stops the server as an outage would: connections to its port are refused until {@link #up()}. */
    static synchronized void down() {
        port = server.getAddress().getPort();
        server.stop(0);
    }

    /** Serves again on the same port. */
    static synchronized void up() {
        serve(port);
    }

    private static void serve(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/mcp/messages/senders", exchange -> answer(exchange, "message_id", SENDERS));
        server.createContext("/internal/mcp/messages/totals", exchange -> {
            TOTALS_CALLS.incrementAndGet();
            answer(exchange, "session_id", TOTALS);
        });
        // One thread per request, so that a stalled request does not hold back the next one.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The items of {@code known} the query names by {@code parameter}, unless a test makes the service fail or stall. */
    private static void answer(HttpExchange exchange, String parameter, Map<String, String> known) throws IOException {
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
                if (kv.length == 2 && kv[0].equals(parameter)) {
                    String item = known.get(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                    if (item != null) {
                        items.add(item);
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
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
