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
import java.util.concurrent.atomic.AtomicReference;
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
 * register, per tenant), the internal API of the gateway's sessions (open, get, activity, end,
 * per tenant), and messages-service's batch ingest (a message whose idempotency key was stored
 * before is stored once, as messages-service does), each call kept for the tests to read. Either
 * side can be made to stop answering.
 */
public class FakeLedger implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROVIDER = Pattern.compile("/internal/providers/([^/]+)");
    private static final Pattern MESSAGES = Pattern.compile("/sessions/([^/]+)/messages");
    private static final Pattern SESSION = Pattern.compile("/internal/gateway/sessions/([^/]+)(/activity|/end)?");

    private static final Map<String, JsonNode> PROVIDERS = new ConcurrentHashMap<>();
    private static final Map<String, List<JsonNode>> MESSAGES_BY_SESSION = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> EVENTS_BY_SESSION = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> CONNECTION_BODIES = new ConcurrentHashMap<>();
    private static final Map<String, ObjectNode> GATEWAY_SESSIONS = new ConcurrentHashMap<>();
    private static final Map<String, String> SESSION_TENANTS = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> IDEMPOTENCY_KEYS = new ConcurrentHashMap<>();
    private static final List<String> SESSIONS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static volatile boolean sessionsDown;
    private static volatile boolean messagesDown;
    /** While set, sessions-service takes no token (as when one expired between the gateway's check and the call). */
    private static volatile boolean tokensRefused;
    /** While set, message writes are accepted and held unanswered until it opens. */
    private static final AtomicReference<CountDownLatch> MESSAGES_STALL = new AtomicReference<>();
    private static final AtomicInteger HELD_WRITES = new AtomicInteger();
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

    /** Ends a session as sessions-service's idle sweep, or another replica's DELETE, would. */
    public static void endElsewhere(String session) {
        ObjectNode view = GATEWAY_SESSIONS.get(session);
        view.put("status", "ended");
        event(session, "ended");
    }

    /**
     * A session opened through another replica of the gateway, whose upstream gave it
     * {@code upstreamSession}: this replica has never seen it. Returns its id.
     */
    public static String openedElsewhere(String tenant, String provider, String upstreamSession) {
        String id = "ses_" + Integer.toString(IDS.incrementAndGet(), 36) + "elsewhere";
        SESSIONS.add(id);
        SESSION_TENANTS.put(id, tenant);
        ObjectNode view = JSON.createObjectNode().put("object", "gateway_session").put("session_id", id)
                .put("status", "active").put("provider_id", provider).put("connection_id", "sco_x")
                .put("client_participant_id", "spt_clientx").put("server_session_id", "spr_x")
                .put("server_participant_id", "spt_serverx").put("provider_run_id", "srr_x")
                .put("recording_mode", PROVIDERS.get(tenant + "|" + provider).path("recording_mode").asText())
                .put("upstream_session_id", upstreamSession);
        GATEWAY_SESSIONS.put(id, view);
        return id;
    }

    /** The upstream's session id kept for a session, or null. */
    public static String upstreamSession(String session) {
        JsonNode id = GATEWAY_SESSIONS.get(session).get("upstream_session_id");
        return id == null || id.isNull() ? null : id.asText();
    }

    /** What was written about a session in sessions-service: opened (provider, idle timeout), upstream id, activity, ended. */
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

    /** Message writes held by a stall right now. */
    public static int heldWrites() {
        return HELD_WRITES.get();
    }

    public static void sessionsDown(boolean down) {
        sessionsDown = down;
    }

    public static void tokensRefused(boolean refused) {
        tokensRefused = refused;
    }

    public static void messagesDown(boolean down) {
        messagesDown = down;
    }

    /**
     * From now on, message writes are held unanswered; the latch returned lets them go. A stall set
     * while an earlier one holds writes stays for the writes after them.
     */
    public static CountDownLatch stallMessages() {
        CountDownLatch latch = new CountDownLatch(1);
        MESSAGES_STALL.set(latch);
        return latch;
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String tenant = FakePeers.tenantOf(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] raw = exchange.getRequestBody().readAllBytes();
        if (path.equals("/q/health/ready")) {
            FakePeers.reply(exchange, sessionsDown || messagesDown ? 503 : 200, JSON.createObjectNode()
                    .put("status", sessionsDown || messagesDown ? "DOWN" : "UP"));
            return;
        }
        if (tenant == null || (tokensRefused && path.startsWith("/internal/gateway/"))) {
            FakePeers.reply(exchange, 401, error(401, "unauthorized"));
            return;
        }
        Matcher m;
        if ((m = MESSAGES.matcher(path)).matches()) {
            CountDownLatch held = MESSAGES_STALL.get();
            if (held != null) {
                HELD_WRITES.incrementAndGet();
                try {
                    held.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    HELD_WRITES.decrementAndGet();
                }
                MESSAGES_STALL.compareAndSet(held, null);
            }
            if (messagesDown) {
                FakePeers.reply(exchange, 503, error(503, "unavailable"));
                return;
            }
            JsonNode body = JSON.readTree(raw);
            List<JsonNode> kept = MESSAGES_BY_SESSION.computeIfAbsent(m.group(1), k -> new CopyOnWriteArrayList<>());
            for (JsonNode message : body.path("messages")) {
                String key = message.path("idempotency_key").asText(null);
                if (key == null || IDEMPOTENCY_KEYS.putIfAbsent(tenant + "|" + m.group(1) + "|" + key, true) == null) {
                    kept.add(message);
                }
            }
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
        } else if (path.equals("/internal/gateway/sessions")) {
            open(exchange, tenant, JSON.readTree(raw));
        } else if ((m = SESSION.matcher(path)).matches()) {
            ObjectNode view = GATEWAY_SESSIONS.get(m.group(1));
            if (view == null || !tenant.equals(SESSION_TENANTS.get(m.group(1)))) {
                FakePeers.reply(exchange, 404, error(404, "not_found"));
                return;
            }
            if ("/activity".equals(m.group(2)) && "active".equals(view.path("status").asText())) {
                JsonNode upstream = JSON.readTree(raw).path("upstream_session_id");
                if (upstream.isTextual()) {
                    view.put("upstream_session_id", upstream.asText());
                    event(m.group(1), "upstream " + upstream.asText());
                } else {
                    event(m.group(1), "activity");
                }
            } else if ("/end".equals(m.group(2)) && "active".equals(view.path("status").asText())) {
                view.put("status", "ended");
                event(m.group(1), "ended");
            }
            FakePeers.reply(exchange, 200, view);
        } else {
            FakePeers.reply(exchange, 404, error(404, "not_found"));
        }
    }

    /** A session opened from a client's initialize: the provider must be the tenant's. */
    private static void open(HttpExchange exchange, String tenant, JsonNode body) throws IOException {
        String provider = body.path("provider_id").asText();
        JsonNode registered = PROVIDERS.get(tenant + "|" + provider);
        if (registered == null) {
            FakePeers.reply(exchange, 404, error(404, "not_found"));
            return;
        }
        String id = "ses_" + Integer.toString(IDS.incrementAndGet(), 36) + "fake";
        SESSIONS.add(id);
        SESSION_TENANTS.put(id, tenant);
        CONNECTION_BODIES.put(id, body);
        ObjectNode view = JSON.createObjectNode().put("object", "gateway_session").put("session_id", id)
                .put("status", "active").put("provider_id", provider)
                .put("connection_id", "sco_" + IDS.incrementAndGet())
                .put("client_participant_id", "spt_client" + IDS.incrementAndGet())
                .put("server_session_id", "spr_" + IDS.incrementAndGet())
                .put("server_participant_id", "spt_server" + IDS.incrementAndGet())
                .put("provider_run_id", "srr_" + IDS.incrementAndGet())
                .put("recording_mode", registered.path("recording_mode").asText())
                .put("idle_timeout_seconds", body.path("idle_timeout_seconds").asInt());
        view.putNull("upstream_session_id");
        GATEWAY_SESSIONS.put(id, view);
        event(id, "opened " + provider + " idle " + body.path("idle_timeout_seconds").asInt());
        FakePeers.reply(exchange, 201, view);
    }

    private static void event(String session, String what) {
        EVENTS_BY_SESSION.computeIfAbsent(session, k -> new CopyOnWriteArrayList<>()).add(what);
    }

    private static JsonNode error(int status, String code) {
        return JSON.createObjectNode().put("__typename", "error").put("ok", false).put("status", status)
                .put("code", code).put("message", code);
    }
}
