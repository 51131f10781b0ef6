package dev.sessionledger.messages;

import static dev.sessionledger.messages.MessageFixtures.error;
import static dev.sessionledger.messages.MessageFixtures.notification;
import static dev.sessionledger.messages.MessageFixtures.request;
import static dev.sessionledger.messages.MessageFixtures.response;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class SessionMessageIngestTest {

    @Test
    void derives_all_four_types_and_gives_answers_the_method_of_their_request() {
        MessageFixtures f = new MessageFixtures();
        f.post(List.of(
                f.message("client", request(1, "tools/list")),
                f.message("client", notification("notifications/initialized")),
                f.message("server", response(1)),
                f.message("client", request("a", "tools/call")),
                f.message("server", error("a"))))
                .statusCode(201)
                .body("items", hasSize(5))
                .body("items.type", contains("request", "notification", "response", "request", "error"))
                .body("items.mcp_message.method",
                        contains("tools/list", "notifications/initialized", "tools/list", "tools/call", "tools/call"))
                .body("items[0].object", equalTo("session.message"))
                .body("items[0].sender.object", equalTo("session.message.sender"))
                .body("items[0].sender.type", equalTo("client"))
                .body("items[0].sender.id", equalTo("spt_client"))
                .body("items[0].mcp_message.object", equalTo("session.message.mcp_message"))
                .body("items[0].mcp_message.payload.method", equalTo("tools/list"))
                .body("items[0].session_id", equalTo(f.session))
                .body("items[0].server_session_id", equalTo(f.serverSession));
    }

    @Test
    void a_recorded_batch_answers_with_the_messages_a_read_returns() {
        MessageFixtures f = new MessageFixtures();
        Map<String, Object> retried = new HashMap<>(f.message("client", request(1, "tools/call")));
        retried.put("idempotency_key", "k-1");
        f.post(List.of(retried)).statusCode(201);
        Map<String, Object> payload = Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/call",
                "params", Map.of("name", "search", "arguments", Map.of("query", "caf\u00e9 \"quoted\"", "limit", 10)));
        List<Map<String, Object>> recorded = f.post(List.of(retried, f.message("client", payload),
                f.message("server", response(2)), f.message("client", notification("n/1"))))
                .statusCode(201).extract().jsonPath().getList("items");
        List<Map<String, Object>> read = f.list(Map.of("limit", 100)).statusCode(200)
                .extract().jsonPath().getList("items");
        // The retried message is the one stored first; the three new ones follow it.
        assertEquals(4, recorded.size());
        assertEquals(read, recorded);
    }

    @Test
    void a_response_finds_its_request_stored_by_an_earlier_batch_and_only_from_the_other_side() {
        MessageFixtures f = new MessageFixtures();
        f.post(List.of(f.message("client", request(7, "resources/read")),
                f.message("server", request(8, "sampling/createMessage")))).statusCode(201);
        f.post(List.of(f.message("server", response(7)), f.message("client", response(8)),
                f.message("server", response(8)), f.message("server", response("7"))))
                .statusCode(201)
                .body("items.mcp_message.method", contains("resources/read", "sampling/createMessage", null, null));
    }

    @Test
    void a_response_does_not_take_the_method_of_a_request_in_another_server_session() {
        MessageFixtures f = new MessageFixtures();
        String[] other = f.anotherServerSession();
        f.post(List.of(f.message("client", request(1, "tools/list")))).statusCode(201);
        Map<String, Object> answer = new HashMap<>(f.message("server", response(1)));
        answer.put("server_session_id", other[0]);
        f.post(List.of(answer)).statusCode(201)
                .body("items[0].type", equalTo("response"))
                .body("items[0].mcp_message.method", nullValue())
                .body("items[0].server_session_id", equalTo(other[0]));
    }

    @Test
    void one_bad_message_rejects_the_whole_batch_and_names_it() {
        MessageFixtures f = new MessageFixtures();
        Map<String, Object> bad = f.message("client", Map.of("jsonrpc", "1.0", "method", "x"));
        f.post(List.of(f.message("client", request(1, "tools/list")), bad))
                .statusCode(400)
                .body("code", equalTo("invalid_data"))
                .body("errors[0].path[0]", equalTo("messages[1].payload"));
        f.list(Map.of()).statusCode(200).body("items", empty());
    }

    @Test
    void payloads_that_are_no_json_rpc_message_are_400_naming_the_payload() {
        MessageFixtures f = new MessageFixtures();
        List<Object> payloads = List.of(
                List.of(1, 2),
                Map.of("jsonrpc", "2.0"),
                Map.of("jsonrpc", "2.0", "id", 1, "result", 1, "error", Map.of("code", 1, "message", "m")),
                Map.of("jsonrpc", "2.0", "result", 1),
                Map.of("jsonrpc", "2.0", "id", Map.of(), "method", "x"),
                Map.of("jsonrpc", "2.0", "id", 1, "error", "boom"));
        for (Object payload : payloads) {
            Map<String, Object> message = new HashMap<>(f.message("client", Map.of()));
            message.put("payload", payload);
            f.post(List.of(message)).statusCode(400).body("errors.path.flatten()", hasItem("messages[0].payload"));
        }
        f.list(Map.of()).body("items", empty());
    }

    @Test
    void fields_of_the_wrong_type_and_unknown_fields_are_400_naming_each() {
        MessageFixtures f = new MessageFixtures();
        Map<String, Object> message = new HashMap<>(f.message("client", notification("x")));
        message.put("sender", Map.of("type", "robot", "id", 5));
        message.put("server_session_id", "ses_notaserver");
        message.put("created_at", "yesterday");
        message.put("idempotency_key", 12);
        message.put("colour", "blue");
        f.post(List.of(message))
                .statusCode(400)
                .body("errors.path.flatten()", org.hamcrest.Matchers.hasItems("messages[0].sender.type",
                        "messages[0].sender.id", "messages[0].server_session_id", "messages[0].created_at",
                        "messages[0].idempotency_key", "messages[0].colour"));
        given().auth().oauth2(f.token).contentType(ContentType.JSON).body("{\"messages\":[]}")
                .when().post("/sessions/" + f.session + "/messages").then()
                .statusCode(400).body("errors[0].path[0]", equalTo("messages"));
        given().auth().oauth2(f.token).contentType(ContentType.JSON).body("{\"messages\":")
                .when().post("/sessions/" + f.session + "/messages").then()
                .statusCode(400).body("code", equalTo("bad_request"));
    }

    @Test
    void a_payload_over_one_mebibyte_or_a_batch_over_a_thousand_is_400() {
        MessageFixtures f = new MessageFixtures();
        Map<String, Object> big = Map.of("jsonrpc", "2.0", "method", "big", "params", Map.of("text", "x".repeat(1 << 20)));
        f.post(List.of(f.message("client", notification("fine")), f.message("client", big)))
                .statusCode(400)
                .body("errors[0].path[0]", equalTo("messages[1].payload"))
                .body("errors[0].message", containsString("1048576"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(f.message("client", notification("n")));
        }
        f.post(tooMany).statusCode(400).body("errors[0].path[0]", equalTo("messages"));
        f.list(Map.of()).body("items", empty());
    }

    @Test
    void a_payload_far_over_the_bound_is_400_before_the_rest_of_the_body_is_even_sent() throws Exception {
        MessageFixtures f = new MessageFixtures();
        String oneLongString = "{\"messages\":[{\"payload\":{\"jsonrpc\":\"2.0\",\"method\":\"big\",\"params\":{\"text\":\""
                + "x".repeat(1_600_000);
        StringBuilder manyStrings = new StringBuilder("{\"messages\":[{\"payload\":{\"jsonrpc\":\"2.0\",\"method\":\"big\","
                + "\"params\":{\"parts\":[\"first\"");
        while (manyStrings.length() < 1_600_000) {
            manyStrings.append(",\"").append("y".repeat(100)).append('"');
        }
        for (String start : List.of(oneLongString, manyStrings.toString())) {
            RawHttp.Answer answer;
            // 40 MB declared, 1.6 MB sent: the answer cannot wait for the rest.
            try (RawHttp http = RawHttp.post(f.path(), f.token, 40_000_000)) {
                answer = http.send(start.getBytes(StandardCharsets.UTF_8)).answer();
            }
            assertEquals(400, answer.status(), answer.toString());
            assertEquals("close", answer.headers().get("connection"), answer.toString());
            Map<?, ?> error = answer.json();
            assertEquals("invalid_data", error.get("code"));
            assertEquals(List.of("messages[0].payload"), ((Map<?, ?>) ((List<?>) error.get("errors")).get(0)).get("path"),
                    error.toString());
            assertTrue(error.get("message").toString().contains("1048576"), error.toString());
        }
        f.list(Map.of()).statusCode(200).body("items", empty());
    }

    @Test
    void a_full_batch_of_a_thousand_is_stored_in_order() {
        MessageFixtures f = new MessageFixtures();
        List<String> ids = f.recordNotifications(1000);
        assertEquals(1000, ids.size());
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);
        f.list(Map.of("limit", 3, "order", "desc")).body("items.id", contains(ids.get(999), ids.get(998), ids.get(997)))
                .body("items[0].mcp_message.method", equalTo("n/999"));
    }

    @Test
    void a_retried_batch_returns_the_same_messages_and_stores_no_duplicates() {
        MessageFixtures f = new MessageFixtures();
        Map<String, Object> first = new HashMap<>(f.message("client", request(1, "tools/list")));
        first.put("idempotency_key", "k-1");
        Map<String, Object> second = new HashMap<>(f.message("server", response(1)));
        second.put("idempotency_key", "k-2");
        List<String> ids = f.post(List.of(first, second)).statusCode(201).extract().jsonPath().getList("items.id");
        Map<String, Object> fresh = new HashMap<>(f.message("client", notification("later")));
        fresh.put("idempotency_key", "k-3");
        List<String> retried = f.post(List.of(first, second, fresh)).statusCode(201).extract().jsonPath()
                .getList("items.id");
        assertEquals(ids, retried.subList(0, 2));
        f.list(Map.of()).body("items", hasSize(3)).body("items.id", contains(ids.get(0), ids.get(1), retried.get(2)));
    }

    @Test
    void the_same_key_twice_in_one_batch_is_one_message_and_messages_without_a_key_are_always_new() {
        MessageFixtures f = new MessageFixtures();
        Map<String, Object> keyed = new HashMap<>(f.message("client", notification("a")));
        keyed.put("idempotency_key", "same");
        Map<String, Object> unkeyed = f.message("client", notification("b"));
        List<String> ids = f.post(List.of(keyed, keyed, unkeyed)).statusCode(201).extract().jsonPath()
                .getList("items.id");
        assertEquals(ids.get(0), ids.get(1));
        List<String> again = f.post(List.of(unkeyed)).statusCode(201).extract().jsonPath().getList("items.id");
        f.list(Map.of()).body("items", hasSize(3)).body("items.id", contains(ids.get(0), ids.get(2), again.get(0)));
    }

    @Test
    void created_at_participant_and_run_are_kept_as_given() {
        MessageFixtures f = new MessageFixtures();
        String participant = PrefixedId.format("spt", PrefixedId.newUuid());
        Map<String, Object> message = new HashMap<>(f.message("client", notification("x")));
        message.put("created_at", "2025-09-15T12:30:00.123+02:00");
        message.put("provider_run_id", f.run);
        message.put("participant_id", participant);
        String id = f.post(List.of(message)).statusCode(201)
                .body("items[0].created_at", equalTo("2025-09-15T10:30:00.123Z"))
                .extract().path("items[0].id");
        given().auth().oauth2(f.token).queryParam("message_id", id).when().get("/internal/mcp/messages/senders").then()
                .statusCode(200).body("items[0].participant_id", equalTo(participant));
        message.put("created_at", "2025-09-15T10:30:00Z");
        f.post(List.of(message)).statusCode(201).body("items[0].created_at", equalTo("2025-09-15T10:30:00.000Z"));
    }

    @Test
    void another_tenants_session_is_404_and_nothing_is_stored() {
        MessageFixtures f = new MessageFixtures();
        String stranger = TestTokens.admin(TestTokens.newTenant());
        given().auth().oauth2(stranger).contentType(ContentType.JSON)
                .body(Map.of("messages", List.of(f.message("client", notification("x")))))
                .when().post("/sessions/" + f.session + "/messages").then()
                .statusCode(404)
                .body("code", equalTo("not_found"))
                .body("entity", equalTo("session"))
                .body("id", equalTo(f.session));
        f.list(Map.of()).body("items", empty());
    }

    @Test
    void an_unknown_server_session_or_run_is_404_naming_it() {
        MessageFixtures f = new MessageFixtures();
        String strangerServer = PrefixedId.format("spr", PrefixedId.newUuid());
        Map<String, Object> message = new HashMap<>(f.message("client", notification("x")));
        message.put("server_session_id", strangerServer);
        f.post(List.of(message)).statusCode(404).body("entity", equalTo("session.provider"))
                .body("id", equalTo(strangerServer));
        String strangerRun = PrefixedId.format("srr", PrefixedId.newUuid());
        message.put("server_session_id", f.serverSession);
        message.put("provider_run_id", strangerRun);
        f.post(List.of(message)).statusCode(404).body("entity", equalTo("session.provider_run"))
                .body("id", equalTo(strangerRun));
        f.list(Map.of()).body("items", empty());
    }

    @Test
    void the_callers_token_is_forwarded_and_a_positive_answer_is_cached() {
        MessageFixtures f = new MessageFixtures();
        f.recordNotifications(1);
        assertEquals("Bearer " + f.token, FakeSessionsService.authorizationFor(f.session));
        int lookups = FakeSessionsService.lookupsOf(f.session);
        f.recordNotifications(1);
        assertEquals(lookups, FakeSessionsService.lookupsOf(f.session));
    }

    @Test
    void a_negative_answer_is_not_cached() {
        MessageFixtures f = new MessageFixtures();
        String later = PrefixedId.format("ses", PrefixedId.newUuid());
        given().auth().oauth2(f.token).contentType(ContentType.JSON)
                .body(Map.of("messages", List.of(f.message("client", notification("x")))))
                .when().post("/sessions/" + later + "/messages").then().statusCode(404);
        FakeSessionsService.register(f.tenant, later, f.serverSession, null);
        given().auth().oauth2(f.token).contentType(ContentType.JSON)
                .body(Map.of("messages", List.of(f.message("client", notification("x")))))
                .when().post("/sessions/" + later + "/messages").then().statusCode(201);
    }

    @Test
    void when_sessions_service_is_down_ingest_is_503_with_retry_after_within_a_second_and_stores_nothing() {
        MessageFixtures f = new MessageFixtures();
        FakeSessionsService.halt();
        long millis;
        try {
            long start = System.nanoTime();
            f.post(List.of(f.message("client", notification("x"))))
                    .statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("__typename", equalTo("error"))
                    .body("status", equalTo(503));
            millis = (System.nanoTime() - start) / 1_000_000;
        } finally {
            FakeSessionsService.resume();
        }
        // A refused connection is tried twice, 50 ms apart: 164 ms here, the request around them included.
        assertTrue(millis < 1000, "took " + millis + " ms");
        f.list(Map.of()).statusCode(200).body("items", empty());
    }

    @Test
    void a_stalled_sessions_service_is_503_within_a_second_and_nothing_is_stored() {
        MessageFixtures f = new MessageFixtures();
        FakeSessionsService.stallAnswers();
        long millis;
        try {
            long start = System.nanoTime();
            f.post(List.of(f.message("client", notification("x"))))
                    .statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("code", equalTo("service_unavailable"));
            millis = (System.nanoTime() - start) / 1_000_000;
        } finally {
            FakeSessionsService.answerAgain();
        }
        // One attempt, cut at its 600 ms, with the request around it; the bound leaves room
        // for a loaded machine.
        assertTrue(millis < 1000, "took " + millis + " ms");
        f.list(Map.of()).statusCode(200).body("items", empty());
    }

    @Test
    void a_malformed_session_id_is_404() {
        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant())).contentType(ContentType.JSON)
                .body("{\"messages\":[]}")
                .when().post("/sessions/nope/messages").then()
                .statusCode(404).body("entity", equalTo("session"));
    }
}
