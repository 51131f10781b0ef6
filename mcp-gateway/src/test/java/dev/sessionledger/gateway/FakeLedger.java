package dev.sessionledger.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.sessionledger.commons.testing.FakePeers;

/**
 * sessions-service and messages-service as the gateway sees them, on one loopback HTTP server:
 * the provider look-up of the contract {@code GET /internal/providers/{id}} (from providers tests
 * register, per tenant), the MCP write API (sessions, connections, server sessions, runs, end),
 * and messages-service's batch ingest, each call kept for the tests to read. Either side can be
 * made to stop answering.
 */
public class FakeLedger implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROVIDER = Pattern.compile("/internal/providers/([^/]+)");
    private static final Pattern MESSAGES = Pattern.compile("/sessions/([^/]+)/messages");
    private static final Pattern CONNECTIONS = Pattern.compile("/sessions/([^/]+)/connections");
    private static final Pattern ATTACH = Pattern.compile("/sessions/([^/]+)/providers");
    private static final Pattern RUNS = Pattern.compile("/sessions/([^/]+)/providers/([^/]+)/runs");
    private static final Pattern DISCONNECT = Pattern.compile("/sessions/([^/]+)/connections/([^/]+)/disconnect");
    private static final Pattern END = Pattern.compile("/sessions/([^/]+)/end");

    private static final Map<String, JsonNode> PROVIDERS = new ConcurrentHashMap<>();
    private static final Map<String, List<JsonNode>> MESSAGES_BY_SESSION = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> EVENTS_BY_SESSION = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> CONNECTION_BODIES = new ConcurrentHashMap<>();
    private static final List<String> SESSIONS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static volatile boolean sessionsDown;
    private static volatile boolean messagesDown;
    /** While set, message writes are accepted and held unanswered until it opens. */
    private static volatile CountDownLatch messagesStall;
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", FakeLedger::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.sessions.url", url, "quarkus.rest-client.messages.url", url);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Registers a provider in a tenant; returns its id. */
    public static String provider(String tenant, String upstreamUrl, Map<String, String> upstreamHeaders) {
        return provider(tenant, upstreamUrl, upstreamHeaders, "best_effort");
    }

    /** Registers a provider with a recording mode in a tenant; returns its id. */
    public static String provider(String tenant, String upstreamUrl, Map<String, String> upstreamHeaders, String mode) {
        String id = "pro_" + Integer.toString(IDS.incrementAndGet(), 36) + "test";
        ObjectNode provider = JSON.createObjectNode();
        provider.put("id", id);
        provider.put("upstream_url", upstreamUrl);
        provider.set("upstream_headers", JSON.valueToTree(upstreamHeaders));
        provider.put("recording_mode", mode);
        PROVIDERS.put(tenant + "|" + id, provider);
        return id;
    }

    /** The recorded messages of a session, in the order messages-service received them. */
    public static List<JsonNode> messages(String session) {
        return new ArrayList<>(MESSAGES_BY_SESSION.getOrDefault(session, List.of()));
    }

    /** What was written about a session in sessions-service: created, connected, attached, run, disconnected, ended. */
    public static List<String> events(String session) {
        return new ArrayList<>(EVENTS_BY_SESSION.getOrDefault(session, List.of()));
    }

    /** The body of the session's connection (its initialize request). */
    public static JsonNode connection(String session) {
        return CONNECTION_BODIES.get(session);
    }

    /** Every session created so far, oldest first. */
    public static List<String> sessions() {
        return List.copyOf(SESSIONS);
    }

    public static void sessionsDown(boolean down) {
        sessionsDown = down;
    }

    public static void messagesDown(boolean down) {
        messagesDown = down;
    }

    /** From now on, message writes are held unanswered; the latch returned lets them go. */
    public static CountDownLatch stallMessages() {
        CountDownLatch latch = new CountDownLatch(1);
        messagesStall = latch;
        return latch;
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String tenant = FakePeers.tenantOf(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] raw = exchange.getRequestBody().readAllBytes();
        if (tenant == null) {
            FakePeers.reply(exchange, 401, error(401, "unauthorized"));
            return;
        }
        Matcher m;
        if ((m = MESSAGES.matcher(path)).matches()) {
            CountDownLatch held = messagesStall;
            if (held != null) {
                try {
                    held.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                messagesStall = null;
            }
            if (messagesDown) {
                FakePeers.reply(exchange, 503, error(503, "unavailable"));
                return;
            }
            JsonNode body = JSON.readTree(raw);
            List<JsonNode> kept = MESSAGES_BY_SESSION.computeIfAbsent(m.group(1), k -> new CopyOnWriteArrayList<>());
            body.path("messages").forEach(kept::add);
            FakePeers.reply(exchange, 200, JSON.createObjectNode().put("object", "list"));
            return;
        }
        if (sessionsDown) {
            FakePeers.reply(exchange, 503, error(503, "unavailable"));
            return;
        }
        if ((m = PROVIDER.matcher(path)).matches()) {
            JsonNode provider = PROVIDERS.get(tenant + "|" + m.group(1));
            FakePeers.reply(exchange, provider == null ? 404 : 200, provider == null ? error(404, "not_found") : provider);
        } else if (path.equals("/sessions")) {
            String id = "ses_" + Integer.toString(IDS.incrementAndGet(), 36) + "fake";
            SESSIONS.add(id);
            event(id, "created");
            FakePeers.reply(exchange, 201, JSON.createObjectNode().put("object", "session").put("id", id));
        } else if ((m = DISCONNECT.matcher(path)).matches()) {
            event(m.group(1), "disconnected " + m.group(2));
            FakePeers.reply(exchange, 200, JSON.createObjectNode().put("id", m.group(2)));
        } else if ((m = CONNECTIONS.matcher(path)).matches()) {
            CONNECTION_BODIES.put(m.group(1), JSON.readTree(raw));
            String id = "sco_" + IDS.incrementAndGet();
            event(m.group(1), "connected " + id);
            FakePeers.reply(exchange, 201, JSON.createObjectNode().put("id", id).put("participant_id", "spt_client" + IDS.incrementAndGet()));
        } else if ((m = RUNS.matcher(path)).matches()) {
            String id = "srr_" + IDS.incrementAndGet();
            event(m.group(1), "run " + id);
            FakePeers.reply(exchange, 201, JSON.createObjectNode().put("id", id));
        } else if ((m = ATTACH.matcher(path)).matches()) {
            String id = "spr_" + IDS.incrementAndGet();
            event(m.group(1), "attached " + JSON.readTree(raw).path("provider_id").asText());
            FakePeers.reply(exchange, 201, JSON.createObjectNode().put("id", id).put("participant_id", "spt_server" + IDS.incrementAndGet()));
        } else if ((m = END.matcher(path)).matches()) {
            event(m.group(1), "ended");
            FakePeers.reply(exchange, 200, JSON.createObjectNode().put("id", m.group(1)).put("status", "ended"));
        } else {
            FakePeers.reply(exchange, 404, error(404, "not_found"));
        }
    }

    private static void event(String session, String what) {
        EVENTS_BY_SESSION.computeIfAbsent(session, k -> new CopyOnWriteArrayList<>()).add(what);
    }

    private static JsonNode error(int status, String code) {
        return JSON.createObjectNode().put("__typename", "error").put("ok", false).put("status", status)
                .put("code", code).put("message", code);
    }
}
