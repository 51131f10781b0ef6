package dev.sessionledger.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sessionledger.commons.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** The gateway's HTTP contract with plain requests: refusals before the upstream, failures of the upstream and of the ledger, streaming, the session's end. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(FakeLedger.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayHttpTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-client\",\"version\":\"2\"}}}";
    private static final String ACCEPT = "application/json, text/event-stream";

    private RawUpstream upstream;

    @BeforeAll
    void startUpstream() {
        upstream = new RawUpstream();
    }

    @AfterAll
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void a_request_without_a_valid_token_is_401_and_reaches_nothing() {
        String tenant = TestTokens.newTenant();
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        int seenBefore = upstream.seen().size();
        int sessionsBefore = FakeLedger.sessions().size();
        for (String authorization : new String[] { null, "Bearer not-a-token", "Bearer " + TestTokens.signedByStranger(tenant) }) {
            var request = given().contentType("application/json").accept(ACCEPT).body(INITIALIZE);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.when().post("/mcp/" + provider)
                    .then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("jsonrpc", equalTo("2.0"))
                    .body("error.code", equalTo(-32001));
        }
        given().when().get("/mcp/" + provider).then().statusCode(401);
        given().when().delete("/mcp/" + provider).then().statusCode(401);
        assertEquals(seenBefore, upstream.seen().size());
        assertEquals(sessionsBefore, FakeLedger.sessions().size());
    }

    @Test
    void an_unknown_provider_or_another_tenants_is_404() {
        String provider = FakeLedger.provider(TestTokens.newTenant(), upstream.url(), Map.of());
        int seenBefore = upstream.seen().size();
        for (String path : new String[] { "/mcp/" + provider, "/mcp/pro_unknown" }) {
            initialize(TestTokens.admin(TestTokens.newTenant()), path)
                    .then().statusCode(404)
                    .body("id", equalTo(1))
                    .body("error.code", equalTo(-32002));
        }
        assertEquals(seenBefore, upstream.seen().size());
    }

    @Test
    void sessions_service_down_is_503_with_retry_after_and_nothing_goes_upstream() {
        String tenant = TestTokens.newTenant();
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        int seenBefore = upstream.seen().size();
        FakeLedger.sessionsDown(true);
        try {
            initialize(TestTokens.admin(tenant), "/mcp/" + provider)
                    .then().statusCode(503)
                    .header("Retry-After", "5")
                    .body("error.code", equalTo(-32003));
        } finally {
            FakeLedger.sessionsDown(false);
        }
        assertEquals(seenBefore, upstream.seen().size());
    }

    @Test
    void an_upstream_that_cannot_be_reached_is_a_502_json_rpc_error_recorded_and_the_session_ends() {
        String tenant = TestTokens.newTenant();
        String provider = FakeLedger.provider(tenant, "http://127.0.0.1:9/mcp", Map.of());
        Response answer = initialize(TestTokens.admin(tenant), "/mcp/" + provider);
        answer.then().statusCode(502).body("id", equalTo(1)).body("error.code", equalTo(-32004));
        String session = answer.header("Mcp-Session-Id");
        Eventually.within(Duration.ofSeconds(5), () -> FakeLedger.messages(session).size() >= 2
                && FakeLedger.events(session).contains("ended"));
        assertEquals(List.of("initialize", "error"), FakeLedger.messages(session).stream()
                .map(m -> m.path("payload").has("error") ? "error" : m.path("payload").path("method").asText()).toList());
        assertTrue(FakeLedger.events(session).contains("ended"), FakeLedger.events(session).toString());
    }

    @Test
    void an_upstream_that_does_not_answer_in_time_is_a_504() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        String session = initialize(token, "/mcp/" + provider).then().statusCode(200).extract().header("Mcp-Session-Id");
        given().header("Authorization", "Bearer " + token).header("Mcp-Session-Id", session)
                .contentType("application/json").accept(ACCEPT)
                .body("{\"jsonrpc\":\"2.0\",\"id\":\"h\",\"method\":\"hang\"}")
                .when().post("/mcp/" + provider)
                .then().statusCode(504).body("id", equalTo("h")).body("error.code", equalTo(-32004));
    }

    @Test
    void bad_bodies_and_sessions_are_refused_before_the_upstream() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        int seenBefore = upstream.seen().size();
        post(token, provider, null, "{not json").then().statusCode(400).body("error.code", equalTo(-32700)).body("id", nullValue());
        post(token, provider, null, "{\"id\":1,\"method\":\"initialize\"}").then().statusCode(400).body("error.code", equalTo(-32600));
        post(token, provider, null, "[]").then().statusCode(400).body("error.code", equalTo(-32600));
        post(token, provider, null, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").then().statusCode(400);
        post(token, provider, "ses_0000000000000000000000", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
                .then().statusCode(404).body("id", equalTo(2));
        assertEquals(seenBefore, upstream.seen().size());
    }

    @Test
    void a_post_that_does_not_accept_both_answer_types_is_406() throws Exception {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        int seenBefore = upstream.seen().size();
        for (String accept : new String[] { "application/json", "text/event-stream" }) {
            given().header("Authorization", "Bearer " + token).contentType("application/json").accept(accept).body(INITIALIZE)
                    .when().post("/mcp/" + provider).then().statusCode(406).body("id", equalTo(1));
        }
        // no Accept at all (rest-assured always sends one)
        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/mcp/" + provider))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(406, bare.statusCode(), bare.body());
        assertEquals(seenBefore, upstream.seen().size());
    }

    @Test
    void an_sse_answer_is_streamed_event_by_event_and_the_sessions_are_mapped() throws Exception {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of("X-Api-Key", "k-1"));
        Response init = initialize(token, "/mcp/" + provider);
        init.then().statusCode(200).body("result.serverInfo.name", equalTo("raw"));
        String session = init.header("Mcp-Session-Id");
        assertTrue(session.startsWith("ses_"), session);

        upstream.secondEvent = new CountDownLatch(1);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest call = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/mcp/" + provider))
                .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", session)
                .header("Content-Type", "application/json").header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}"))
                .build();
        HttpResponse<InputStream> answer = http.send(call, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, answer.statusCode());
        assertEquals(session, answer.headers().firstValue("Mcp-Session-Id").orElse(null));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            assertEquals("id: e1", lines.readLine());
            assertTrue(lines.readLine().contains("notifications/progress"));
            assertEquals("", lines.readLine());
            // the first event came through while the upstream still holds the second
            assertEquals(1, upstream.secondEvent.getCount());
            upstream.secondEvent.countDown();
            assertEquals("id: e2", lines.readLine());
            assertTrue(lines.readLine().contains("\"id\":7"));
        }
        RawUpstream.Seen seenCall = upstream.seen().stream().filter(s -> "tools/call".equals(s.rpcMethod())).reduce((a, b) -> b).orElseThrow();
        assertEquals(RawUpstream.SESSION, seenCall.sessionId());
        assertEquals("k-1", seenCall.apiKey());
        assertEquals(null, seenCall.authorization());

        Eventually.within(Duration.ofSeconds(5), () -> FakeLedger.messages(session).size() >= 5);
        List<String> recorded = FakeLedger.messages(session).stream()
                .map(m -> m.path("sender").path("type").asText() + " " + m.path("payload").path("method").asText("result")).toList();
        assertEquals(List.of("client initialize", "server result", "client tools/call", "server notifications/progress",
                "server result"), recorded);
    }

    @Test
    void get_streams_and_delete_ends_the_session_in_the_ledger() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        String session = initialize(token, "/mcp/" + provider).then().statusCode(200).extract().header("Mcp-Session-Id");

        given().header("Authorization", "Bearer " + token).header("Mcp-Session-Id", session).accept("text/event-stream")
                .when().get("/mcp/" + provider)
                .then().statusCode(200).contentType(startsWith("text/event-stream"));
        given().header("Authorization", "Bearer " + token).when().get("/mcp/" + provider).then().statusCode(400);
        given().header("Authorization", "Bearer " + TestTokens.admin(TestTokens.newTenant())).header("Mcp-Session-Id", session)
                .when().get("/mcp/" + provider).then().statusCode(404);

        given().header("Authorization", "Bearer " + token).header("Mcp-Session-Id", session)
                .when().delete("/mcp/" + provider)
                .then().statusCode(200);
        Eventually.within(Duration.ofSeconds(5), () -> FakeLedger.events(session).contains("ended"));
        List<String> events = FakeLedger.events(session);
        assertEquals("ended", events.get(events.size() - 1));
        RawUpstream.Seen delete = upstream.seen().stream().filter(s -> "DELETE".equals(s.method())).reduce((a, b) -> b).orElseThrow();
        assertEquals(RawUpstream.SESSION, delete.sessionId());
        post(token, provider, session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").then().statusCode(404);

        Eventually.within(Duration.ofSeconds(5), () -> FakeLedger.messages(session).size() >= 3);
        JsonNode streamed = FakeLedger.messages(session).get(2);
        assertEquals("notifications/message", streamed.path("payload").path("method").asText());
        assertEquals("server", streamed.path("sender").path("type").asText());
    }

    @Test
    void each_message_of_a_batch_is_recorded_as_its_own() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        String session = initialize(token, "/mcp/" + provider).then().statusCode(200).extract().header("Mcp-Session-Id");
        post(token, provider, session, "[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}]")
                .then().statusCode(202);
        Eventually.within(Duration.ofSeconds(5), () -> FakeLedger.messages(session).size() >= 4);
        List<JsonNode> messages = FakeLedger.messages(session);
        assertEquals(List.of("initialize", "result", "notifications/initialized", "notifications/cancelled"),
                messages.stream().map(m -> m.path("payload").path("method").asText("result")).toList());
        assertTrue(messages.get(2).path("idempotency_key").asText().matches(session + ":c:[0-9a-f]{8}:2"), messages.toString());
        assertTrue(messages.get(3).path("idempotency_key").asText().matches(session + ":c:[0-9a-f]{8}:3"), messages.toString());
    }

    @Test
    void an_event_replayed_after_last_event_id_is_recorded_once() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        String session = initialize(token, "/mcp/" + provider).then().statusCode(200).extract().header("Mcp-Session-Id");
        given().header("Authorization", "Bearer " + token).header("Mcp-Session-Id", session).accept("text/event-stream")
                .when().get("/mcp/" + provider).then().statusCode(200);
        given().header("Authorization", "Bearer " + token).header("Mcp-Session-Id", session).accept("text/event-stream")
                .header("Last-Event-ID", "g1")
                .when().get("/mcp/" + provider).then().statusCode(200).body(containsString("id: g1"));
        Eventually.within(Duration.ofSeconds(2), () -> FakeLedger.messages(session).size() >= 4);
        assertEquals(List.of("initialize", "result", "notifications/message"), FakeLedger.messages(session).stream()
                .map(m -> m.path("payload").path("method").asText("result")).toList());
    }

    @Test
    void what_messages_service_does_not_take_is_counted_as_dropped() {
        String tenant = TestTokens.newTenant();
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        double before = dropped();
        FakeLedger.messagesDown(true);
        try {
            initialize(TestTokens.admin(tenant), "/mcp/" + provider).then().statusCode(200);
            Eventually.within(Duration.ofSeconds(5), () -> dropped() >= before + 2);
        } finally {
            FakeLedger.messagesDown(false);
        }
        assertTrue(dropped() >= before + 2, "dropped " + dropped() + " before " + before);
        assertFalse(Double.isNaN(before));
    }

    @Test
    void a_token_sessions_service_no_longer_takes_is_a_401_and_nothing_goes_upstream() {
        String tenant = TestTokens.newTenant();
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
        int seen = upstream.seen().size();
        FakeLedger.tokensRefused(true);
        try {
            initialize(TestTokens.admin(tenant), "/mcp/" + provider).then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer").body("error.code", equalTo(-32001)).body("id", equalTo(1));
        } finally {
            FakeLedger.tokensRefused(false);
        }
        assertEquals(seen, upstream.seen().size());
    }

    @Test
    void health_reports_the_peers_reachability_apart_from_readiness() {
        // peers are asked every two seconds: another test may just have stopped one
        Eventually.within(Duration.ofSeconds(5),
                () -> given().when().get("/q/health/group/peers").then().extract().statusCode() == 200);
        given().when().get("/q/health/group/peers").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks[0].data.'messages-service'", equalTo("reachable"));
        FakeLedger.messagesDown(true);
        try {
            Eventually.within(Duration.ofSeconds(5), () -> given().when().get("/q/health/group/peers").then().extract()
                    .jsonPath().getString("checks[0].data.'messages-service'").startsWith("unreachable"));
            given().when().get("/q/health/group/peers").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks[0].data.'messages-service'", containsString("unreachable"));
            // a replica cannot mend a peer: it stays ready, and best_effort traffic still passes
            given().when().get("/q/health/ready").then().statusCode(200);
            assertTrue(given().when().get("/q/metrics").then().extract().asString()
                    .contains("gateway_peer_up{peer=\"messages-service\"} 0.0"));
        } finally {
            FakeLedger.messagesDown(false);
        }
    }

    static double dropped() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("gateway_messages_dropped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static Response initialize(String token, String path) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json").accept(ACCEPT)
                .body(INITIALIZE).when().post(path);
    }

    static Response post(String token, String provider, String session, String body) {
        var request = given().header("Authorization", "Bearer " + token).contentType("application/json").accept(ACCEPT).body(body);
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request.when().post("/mcp/" + provider);
    }
}
