package dev.sessionledger.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sessionledger.commons.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Sessions served by any replica, sessions ended elsewhere, the audit recording mode, the body
 * limit and the transport's headers, with plain HTTP against the gateway.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(FakeLedger.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewaySessionsAndModesTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-client\",\"version\":\"2\"}}}";
    private static final String TOOLS_CALL = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}";
    private static final String ACCEPT = "application/json, text/event-stream";

    private RawUpstream upstream;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startUpstream() {
        upstream = new RawUpstream();
    }

    @AfterAll
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void a_session_another_replica_opened_is_served_here_with_the_upstream_session_it_keeps() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        String session = FakeLedger.openedElsewhere(tenant, provider, RawUpstream.SESSION);
        upstream.secondEvent.countDown();

        GatewayHttpTest.post(token, provider, session, TOOLS_CALL).then().statusCode(200)
                .header("Mcp-Session-Id", session).body(containsString("\"id\":7"));
        RawUpstream.Seen call = lastCall();
        assertEquals(RawUpstream.SESSION, call.sessionId());
        Eventually.within(Duration.ofSeconds(5), () -> FakeLedger.messages(session).size() >= 3);
        FakeLedger.messages(session).forEach(m -> assertEquals("spr_x", m.path("server_session_id").asText()));
        // another tenant does not find it, whichever replica it asks
        GatewayHttpTest.post(TestTokens.admin(TestTokens.newTenant()), provider, session, TOOLS_CALL).then().statusCode(404);
    }

    @Test
    void a_session_ended_elsewhere_is_refused_here_after_the_next_report_and_activity_is_reported() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        String session = GatewayHttpTest.initialize(token, "/mcp/" + provider).then().statusCode(200)
                .extract().header("Mcp-Session-Id");
        String notification = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
        Eventually.within(Duration.ofSeconds(5), () -> {
            GatewayHttpTest.post(token, provider, session, notification).then().statusCode(202);
            return FakeLedger.events(session).contains("activity");
        });
        // ended by sessions-service's idle sweep (or through another replica): this replica hears of it when it reports
        FakeLedger.endElsewhere(session);
        Eventually.within(Duration.ofSeconds(5),
                () -> GatewayHttpTest.post(token, provider, session, notification).statusCode() == 404);
        GatewayHttpTest.post(token, provider, session, notification).then().statusCode(404)
                .body("error.message", containsString("initialize again"));
    }

    @Test
    void the_protocol_version_header_passes_to_the_upstream_and_the_session_header_is_the_ledgers() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        String session = given().header("Authorization", "Bearer " + token).contentType("application/json").accept(ACCEPT)
                .body(INITIALIZE).when().post("/mcp/" + provider).then().statusCode(200).extract().header("Mcp-Session-Id");
        given().header("Authorization", "Bearer " + token).header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25").contentType("application/json").accept(ACCEPT)
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .when().post("/mcp/" + provider).then().statusCode(202).header("Mcp-Session-Id", session);
        RawUpstream.Seen seen = upstream.seen().get(upstream.seen().size() - 1);
        assertEquals("notifications/initialized", seen.rpcMethod());
        assertEquals("2025-11-25", seen.protocolVersion());
        assertEquals(RawUpstream.SESSION, seen.sessionId());
        Eventually.within(Duration.ofSeconds(5), () -> !FakeLedger.messages(session).isEmpty());
        assertEquals("2025-11-25", FakeLedger.connection(session).path("initialize").path("params")
                .path("protocolVersion").asText());
    }

    @Test
    void a_body_over_the_limit_is_a_413_json_rpc_error_with_or_without_a_length_and_reaches_nothing() throws Exception {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        int seen = upstream.seen().size();
        int sessions = FakeLedger.sessions().size();
        char[] text = new char[1_200_000];
        Arrays.fill(text, 'a');
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\""
                + new String(text) + "\"}}}";
        for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofString(big),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))) {
            HttpResponse<String> answer = http.send(request(token, provider).POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"jsonrpc\":\"2.0\"") && answer.body().contains("-32600"), answer.body());
        }
        given().header("Authorization", "Bearer " + token).contentType("text/plain").accept(ACCEPT).body(INITIALIZE)
                .when().post("/mcp/" + provider).then().statusCode(415).body("error.code", equalTo(-32600));
        given().header("Authorization", "Bearer " + token).accept("application/json")
                .when().get("/mcp/" + provider).then().statusCode(406);
        assertEquals(seen, upstream.seen().size());
        assertEquals(sessions, FakeLedger.sessions().size());
    }

    @Test
    void audit_with_messages_service_down_is_a_503_and_nothing_reaches_the_upstream() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of(), "audit");
        int seen = upstream.seen().size();
        FakeLedger.messagesDown(true);
        try {
            GatewayHttpTest.initialize(token, "/mcp/" + provider).then().statusCode(503)
                    .header("Retry-After", notNullValue()).body("id", equalTo(1))
                    .body("error.message", containsString("not passed on"));
            String refused = FakeLedger.sessions().get(FakeLedger.sessions().size() - 1);
            assertEquals(seen, upstream.seen().size());
            Eventually.within(Duration.ofSeconds(5), () -> FakeLedger.events(refused).contains("ended"));
            assertTrue(FakeLedger.messages(refused).isEmpty());

            FakeLedger.messagesDown(false);
            String session = GatewayHttpTest.initialize(token, "/mcp/" + provider).then().statusCode(200)
                    .extract().header("Mcp-Session-Id");
            FakeLedger.messagesDown(true);
            int before = upstream.seen().size();
            GatewayHttpTest.post(token, provider, session, TOOLS_CALL).then().statusCode(503).body("id", equalTo(7));
            assertEquals(before, upstream.seen().size());
            assertEquals(List.of("initialize", "result"), methods(session));
        } finally {
            FakeLedger.messagesDown(false);
        }
    }

    @Test
    void audit_passes_an_answer_and_each_sse_event_on_only_once_it_is_recorded() throws Exception {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of(), "audit");

        // initialize: held while its request is recorded, then while its JSON answer is
        CountDownLatch request = FakeLedger.stallMessages();
        CompletableFuture<HttpResponse<String>> init = http.sendAsync(request(token, provider)
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build(), HttpResponse.BodyHandlers.ofString());
        int seen = upstream.seen().size();
        Eventually.within(Duration.ofSeconds(5), () -> FakeLedger.heldWrites() == 1);
        assertEquals(seen, upstream.seen().size(), "the upstream got initialize before it was recorded");
        Eventually.within(Duration.ofSeconds(5), () -> FakeLedger.heldWrites() == 1);
        CountDownLatch answer = FakeLedger.stallMessages();
        request.countDown();
        Eventually.within(Duration.ofSeconds(5), () -> upstream.seen().size() > seen);
        TimeUnit.MILLISECONDS.sleep(300);
        assertFalse(init.isDone(), "the answer reached the client before it was recorded");
        answer.countDown();
        HttpResponse<String> initialized = init.get(10, TimeUnit.SECONDS);
        assertEquals(200, initialized.statusCode(), initialized.body());
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();

        // tools/call: the SSE answer's first event is held while it is recorded
        upstream.secondEvent = new CountDownLatch(1);
        CountDownLatch firstEvent = FakeLedger.stallMessages();
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request(token, provider)
                .header("Mcp-Session-Id", session).POST(HttpRequest.BodyPublishers.ofString(TOOLS_CALL)).build(),
                HttpResponse.BodyHandlers.ofString());
        // the call itself is held first; let it pass and hold what comes after it
        long calls = toolCalls();
        Eventually.within(Duration.ofSeconds(5), () -> FakeLedger.heldWrites() == 1);
        assertEquals(calls, toolCalls(), "the upstream got tools/call before it was recorded");
        CountDownLatch later = FakeLedger.stallMessages();
        firstEvent.countDown();
        Eventually.within(Duration.ofSeconds(5), () -> toolCalls() > calls);
        TimeUnit.MILLISECONDS.sleep(300);
        assertFalse(call.isDone(), "the stream reached the client before its first event was recorded");
        later.countDown();
        upstream.secondEvent.countDown();
        HttpResponse<String> streamed = call.get(10, TimeUnit.SECONDS);
        assertEquals(200, streamed.statusCode());
        assertTrue(streamed.body().contains("id: e1") && streamed.body().contains("id: e2"), streamed.body());
        assertEquals(List.of("initialize", "result", "tools/call", "notifications/progress", "result"), methods(session));
    }

    @Test
    void best_effort_with_messages_service_down_passes_everything_and_counts_what_was_not_recorded() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        double before = GatewayHttpTest.dropped();
        FakeLedger.messagesDown(true);
        try {
            String session = GatewayHttpTest.initialize(token, "/mcp/" + provider).then().statusCode(200)
                    .body("result.serverInfo.name", equalTo("raw")).body("error", nullValue())
                    .extract().header("Mcp-Session-Id");
            upstream.secondEvent.countDown();
            GatewayHttpTest.post(token, provider, session, TOOLS_CALL).then().statusCode(200);
            Eventually.within(Duration.ofSeconds(10), () -> GatewayHttpTest.dropped() >= before + 5);
        } finally {
            FakeLedger.messagesDown(false);
        }
    }

    private long toolCalls() {
        return upstream.seen().stream().filter(s -> "tools/call".equals(s.rpcMethod())).count();
    }

    private RawUpstream.Seen lastCall() {
        return upstream.seen().stream().filter(s -> "tools/call".equals(s.rpcMethod())).reduce((a, b) -> b).orElse(null);
    }

    private static List<String> methods(String session) {
        return FakeLedger.messages(session).stream().map(JsonNode.class::cast)
                .map(m -> m.path("payload").path("method").asText("result")).toList();
    }

    private static HttpRequest.Builder request(String token, String provider) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/mcp/" + provider))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", ACCEPT);
    }
}
