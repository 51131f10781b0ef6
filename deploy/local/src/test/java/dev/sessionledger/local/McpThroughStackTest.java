package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.sessionledger.upstream.McpUpstream;
import dev.sessionledger.upstream.Tools;

/**
 * Issue 14's "done when" on the whole stack as it runs (PostgreSQL, sessions-service,
 * messages-service, mcp-gateway, the router): the Java MCP SDK's client works through the ledger
 * exactly as it works against its MCP server directly, and afterwards the Session Participants and
 * Session Messages APIs show the session, its two participants and every message of both
 * directions, in order, typed, with the right methods.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpThroughStackTest {

    private static final String UPSTREAM_SECRET = "upstream-secret-of-the-provider";
    private static final Duration RECORDING_WAIT = Duration.ofSeconds(15);
    /** JSON equality where a number equals the same number written another way ({@code 1.0} and {@code 1}). */
    private static final Comparator<JsonNode> SAME_JSON = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue())
            : (a.equals(b) ? 0 : 1);

    private TestStack stack;
    private McpUpstream upstream;
    private LedgerApi admin;
    private String provider;

    @BeforeAll
    void start() throws Exception {
        stack = TestStack.start();
        upstream = McpUpstream.keepingRequests();
        admin = new LedgerApi(stack.routerUrl(), stack.token("ADMIN_TOKEN"));
        LedgerApi.Reply created = admin.post("/providers", Map.of("name", "stack upstream", "upstream_url", upstream.url(),
                "upstream_headers", Map.of("X-Api-Key", UPSTREAM_SECRET)));
        assertEquals(201, created.status(), created.body().toString());
        provider = created.body().path("id").asText();
        assertTrue(provider.startsWith("pro_"), provider);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (upstream != null) {
                upstream.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    void an_sdk_client_works_through_the_ledger_as_directly_and_the_ledger_shows_the_whole_session() {
        SdkClientRun direct = SdkClientRun.against(upstream.baseUrl(), McpUpstream.ENDPOINT, null);
        int upstreamSeenBefore = upstream.seen().size();
        SdkClientRun through = SdkClientRun.against(stack.serviceUrl(StackService.MCP_GATEWAY), "/mcp/" + provider,
                stack.token("ADMIN_TOKEN"));

        assertEquals(direct.initialized.serverInfo(), through.initialized.serverInfo());
        assertEquals(direct.initialized.protocolVersion(), through.initialized.protocolVersion());
        assertEquals(direct.initialized.capabilities(), through.initialized.capabilities());
        assertEquals(direct.tools, through.tools);
        assertEquals(List.of(Tools.ECHO, Tools.COUNT, Tools.ASK, Tools.STAMPED_ECHO),
                through.tools.tools().stream().map(t -> t.name()).toList());
        assertEquals(direct.echo, through.echo);
        assertEquals(direct.count, through.count);
        assertEquals(direct.resources, through.resources);
        assertEquals(direct.resource, through.resource);
        assertEquals(direct.prompts, through.prompts);
        assertEquals(direct.prompt, through.prompt);
        assertEquals(List.of("step 1", "step 2", "step 3"), through.progress.stream().map(p -> p.message()).toList());
        assertEquals(direct.progress, through.progress);
        assertEquals(withoutIds(direct.passed), withoutIds(through.passed),
                "the messages the client sent and received, apart from its own request ids");
        assertEquals(List.of(
                "client initialize", "server response", "client notifications/initialized",
                "client tools/list", "server response",
                "client tools/call", "server response",
                "client tools/call", "server notifications/progress", "server notifications/progress",
                "server notifications/progress", "server response",
                "client resources/list", "server response", "client resources/read", "server response",
                "client prompts/list", "server response", "client prompts/get", "server response"),
                through.passed.stream().map(p -> p.sender() + " " + p.payload().path("method").asText("response")).toList());

        List<McpUpstream.Seen> reached = upstream.seen().subList(upstreamSeenBefore, upstream.seen().size());
        assertFalse(reached.isEmpty());
        for (McpUpstream.Seen seen : reached) {
            assertNull(seen.authorization(), "the ledger's token reached the upstream");
            assertEquals(UPSTREAM_SECRET, seen.apiKey(), "the provider's own header goes with every request");
        }
        assertEquals("DELETE", reached.get(reached.size() - 1).method(), "the client's close reached the upstream");

        String session = through.sessionId;
        assertNotNull(session, "the client was given an Mcp-Session-Id");
        assertTrue(session.startsWith("ses_"), session);

        LedgerApi.Reply ended = poll(() -> admin.get("/sessions/" + session),
                r -> "ended".equals(r.body().path("status").asText()));
        assertEquals(200, ended.status(), ended.body().toString());
        assertEquals("ended", ended.body().path("status").asText(), "DELETE ends the session: " + ended.body());
        assertEquals("disconnected", ended.body().path("connection_status").asText());
        assertTrue(ended.body().hasNonNull("ended_at"), ended.body().toString());

        Map<String, JsonNode> participants = participants(session);
        JsonNode client = participants.get("mcp_client");
        assertEquals(SdkClientRun.CLIENT_NAME, client.path("identifier").asText(), client.toString());
        assertEquals(SdkClientRun.CLIENT_VERSION, client.path("data").path("version").asText(), client.toString());
        assertEquals(provider, participants.get("provider").path("provider_id").asText(), participants.toString());

        List<JsonNode> messages = poll(() -> admin.all("/sessions/" + session + "/messages", 7),
                m -> m.size() >= through.passed.size());
        assertRecordedAsPassed(through.passed, messages, session, participants);
        String recorded = messages.toString();
        assertFalse(recorded.contains(UPSTREAM_SECRET), "the provider's credentials were recorded");
        assertFalse(recorded.contains(stack.token("ADMIN_TOKEN")), "the ledger's token was recorded");

        String metrics = new LedgerApi(stack.serviceUrl(StackService.MCP_GATEWAY), null).text("/q/metrics");
        assertEquals(0.0, metric(metrics, "gateway_messages_dropped_total"), "nothing was dropped");
        assertTrue(metric(metrics, "gateway_messages_recorded_total") >= messages.size(), metrics);
    }

    @Test
    void another_tenants_token_finds_no_such_provider() {
        String other = stack.token("OTHER_TOKEN");
        int upstreamSeenBefore = upstream.seen().size();
        LedgerApi.Reply initialize = new LedgerApi(stack.serviceUrl(StackService.MCP_GATEWAY), other).post("/mcp/" + provider,
                Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", Map.of(
                        "protocolVersion", "2025-06-18", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "other-tenant-client", "version", "1.0.0"))),
                Map.of("Accept", "application/json, text/event-stream"));
        assertEquals(404, initialize.status(), initialize.body().toString());
        assertEquals(1, initialize.body().path("id").asInt(), "a JSON-RPC error for the request: " + initialize.body());
        assertTrue(initialize.body().has("error"), initialize.body().toString());
        assertEquals(upstreamSeenBefore, upstream.seen().size(), "nothing reached the upstream");

        assertEquals(404, new LedgerApi(stack.routerUrl(), other).get("/providers/" + provider).status());
        assertEquals(200, admin.get("/providers/" + provider).status(), "the provider's own tenant finds it");
    }

    /** The session's participants by type; exactly one client and one provider. */
    private Map<String, JsonNode> participants(String session) {
        List<JsonNode> items = admin.all("/session-participants?session_id=" + session, 10);
        Map<String, JsonNode> byType = new HashMap<>();
        items.forEach(p -> byType.put(p.path("type").asText(), p));
        assertEquals(2, items.size(), items.toString());
        assertEquals(2, byType.size(), items.toString());
        return byType;
    }

    /**
     * Each message as the client saw it pass, recorded in that order: its sender, its type, its
     * method (a response's is its request's), its payload, and the session, server session and
     * participant it belongs to.
     */
    private static void assertRecordedAsPassed(List<WiretapTransport.Passed> passed, List<JsonNode> messages,
            String session, Map<String, JsonNode> participants) {
        assertEquals(passed.size(), messages.size(), "recorded: " + messages.stream().map(McpThroughStackTest::shape).toList());
        String serverSession = messages.get(0).path("server_session_id").asText();
        assertTrue(serverSession.startsWith("spr_"), serverSession);
        Map<String, String> requested = new HashMap<>();
        for (int i = 0; i < passed.size(); i++) {
            JsonNode payload = passed.get(i).payload();
            String sender = passed.get(i).sender();
            JsonNode message = messages.get(i);
            String where = "message " + i + " " + message;
            String method;
            String type;
            if (payload.has("method")) {
                method = payload.path("method").asText();
                type = payload.has("id") ? "request" : "notification";
                if (payload.has("id")) {
                    requested.put(sender + " " + payload.path("id"), method);
                }
            } else {
                method = requested.get(("client".equals(sender) ? "server" : "client") + " " + payload.path("id"));
                type = payload.has("error") ? "error" : "response";
            }
            assertEquals(sender, message.path("sender").path("type").asText(), where);
            assertEquals(type, message.path("type").asText(), where);
            assertEquals(method, message.path("mcp_message").path("method").asText(), where);
            assertTrue(payload.equals(SAME_JSON, message.path("mcp_message").path("payload")),
                    where + " carries what passed: " + payload);
            assertEquals(session, message.path("session_id").asText(), where);
            assertEquals(serverSession, message.path("server_session_id").asText(), where);
            JsonNode participant = participants.get("client".equals(sender) ? "mcp_client" : "provider");
            assertEquals(participant.path("id").asText(), message.path("sender").path("id").asText(), where);
        }
    }

    private static String shape(JsonNode message) {
        return message.path("sender").path("type").asText() + " " + message.path("type").asText() + " "
                + message.path("mcp_message").path("method").asText();
    }

    /** The messages with the client's own request ids taken out, which differ from one session to the next. */
    private static List<String> withoutIds(List<WiretapTransport.Passed> passed) {
        return passed.stream().map(p -> {
            ObjectNode payload = p.payload().deepCopy();
            payload.remove("id");
            return p.sender() + " " + payload;
        }).toList();
    }

    /** Asks again until the answer is what the ledger will show once asynchronous recording is done, or time is up. */
    private static <T> T poll(Supplier<T> ask, Predicate<T> done) {
        long deadline = System.nanoTime() + RECORDING_WAIT.toNanos();
        T answer = ask.get();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            answer = ask.get();
        }
        return answer;
    }

    private static double metric(String metrics, String name) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        assertTrue(value.find(), name + " is not among the metrics");
        return Double.parseDouble(value.group(1));
    }
}
