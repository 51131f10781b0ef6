package dev.sessionledger.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.sessionledger.commons.testing.FakePeers;

/**
 * A real HTTP server on the loopback that answers sessions-service's internal session lookup
 * the way the contract says, from sessions, server sessions and runs that tests register. It can
 * be stopped and started again on the same port to show what ingest does when sessions-service
 * is down, or made to accept lookups and never answer them, as a stalled sessions-service would.
 */
public class FakeSessionsService implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/internal/mcp/sessions/";
    /** A session every tenant has, for tests that need one without registering it (the service contract test). */
    public static final String EVERY_TENANTS_SESSION = "ses_0000000000000000000000";
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    /** Per session, so that a late retry of another test's slow lookup cannot be mistaken for this test's. */
    private static final Map<String, AtomicInteger> LOOKUPS_BY_SESSION = new ConcurrentHashMap<>();
    private static final Map<String, String> AUTHORIZATION_BY_SESSION = new ConcurrentHashMap<>();
    /** While set, lookups are accepted and held unanswered until it opens. */
    private static volatile CountDownLatch stall;
    private static HttpServer server;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        serve(0);
        port = server.getAddress().getPort();
        return Map.of("quarkus.rest-client.sessions.url", "http://127.0.0.1:" + port);
    }

    @Override
    public synchronized void stop() {
        halt();
    }

    /** Makes a session known in a tenant, with a server session and, when not null, a run of it. */
    public static void register(String tenant, String session, String serverSession, String run) {
        KNOWN.add(tenant + "|" + session);
        KNOWN.add(tenant + "|" + session + "|" + serverSession);
        if (run != null) {
            KNOWN.add(tenant + "|" + session + "|" + serverSession + "|" + run);
        }
    }

    /** How many lookups of one session reached the server so far. */
    public static int lookupsOf(String session) {
        return LOOKUPS_BY_SESSION.getOrDefault(session, new AtomicInteger()).get();
    }

    /** The Authorization header of the latest lookup of one session. */
    public static String authorizationFor(String session) {
        return AUTHORIZATION_BY_SESSION.get(session);
    }

    /** From now on, lookups are accepted but not answered until {@link #answerAgain()}. */
    public static void stallAnswers() {
        stall = new CountDownLatch(1);
    }

    /** Answers the lookups held so far, and every later one at once. */
    public static void answerAgain() {
        CountDownLatch held = stall;
        stall = null;
        if (held != null) {
            held.countDown();
        }
    }

    /** Stops answering: the port refuses connections until {@link #resume()}. */
    public static synchronized void halt() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static synchronized void resume() {
        if (server == null) {
            serve(port);
        }
    }

    private static void serve(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, FakeSessionsService::answer);
        // A slow answer must not hold up the lookups of other requests.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        CountDownLatch held = stall;
        if (held != null) {
            try {
                held.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String session = exchange.getRequestURI().getPath().substring(PATH.length());
        LOOKUPS_BY_SESSION.computeIfAbsent(session, k -> new AtomicInteger()).incrementAndGet();
        if (authorization != null) {
            AUTHORIZATION_BY_SESSION.put(session, authorization);
        }
        String tenant = FakePeers.tenantOf(authorization);
        if (tenant == null) {
            FakePeers.reply(exchange, 401, Map.of("__typename", "error", "ok", false, "status", 401, "code", "unauthorized"));
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String serverSession = query.get("server_session_id");
        String run = query.get("provider_run_id");
        String missing = null;
        if (!KNOWN.contains(tenant + "|" + session) && !EVERY_TENANTS_SESSION.equals(session)) {
            missing = "session";
        } else if (serverSession != null && !KNOWN.contains(tenant + "|" + session + "|" + serverSession)) {
            missing = "session.provider";
        } else if (run != null && !KNOWN.contains(tenant + "|" + session + "|" + serverSession + "|" + run)) {
            missing = "session.provider_run";
        }
        if (missing != null) {
            FakePeers.reply(exchange, 404, Map.of("__typename", "error", "ok", false, "status", 404, "code", "not_found",
                    "message", "not found", "entity", missing));
            return;
        }
        Map<String, Object> found = new HashMap<>();
        found.put("session_id", session);
        found.put("status", "active");
        found.put("server_session_id", serverSession);
        found.put("provider_run_id", run);
        FakePeers.reply(exchange, 200, found);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}
