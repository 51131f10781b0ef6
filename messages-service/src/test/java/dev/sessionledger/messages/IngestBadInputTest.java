package dev.sessionledger.messages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Whatever a batch holds, a fault of the input is a 4xx that names it, never a 500, and nothing is stored. */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class IngestBadInputTest {

    private static final String NUL = "\\u0000";

    /** One client notification in JSON text, with {@code extra} fields after its server session. */
    private static String message(MessageFixtures f, String payload, String sender, String extra) {
        return "{\"payload\":" + payload + ",\"sender\":" + sender + ",\"server_session_id\":\"" + f.serverSession + "\""
                + extra + "}";
    }

    private static String message(MessageFixtures f, String payload) {
        return message(f, payload, "{\"type\":\"client\",\"id\":\"spt_client\"}", "");
    }

    private static ValidatableResponse post(MessageFixtures f, String body, String contentType) {
        return given().auth().oauth2(f.token).contentType(contentType).body(body).when().post(f.path()).then();
    }

    private static ValidatableResponse post(MessageFixtures f, String body) {
        return post(f, body, "application/json");
    }

    private static String batch(String... messages) {
        return "{\"messages\":[" + String.join(",", messages) + "]}";
    }

    @Test
    void a_nul_character_anywhere_in_a_batch_is_400_naming_where() {
        MessageFixtures f = new MessageFixtures();
        String sender = "{\"type\":\"client\",\"id\":\"spt_client\"}";
        String fine = "{\"jsonrpc\":\"2.0\",\"method\":\"x\"}";
        Map<String, String> bodies = Map.of(
                "messages[1].payload.params.x", batch(message(f, fine),
                        message(f, "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"x\":\"a" + NUL + "b\"}}")),
                "messages[0].payload.method", batch(message(f, "{\"jsonrpc\":\"2.0\",\"method\":\"x" + NUL + "\"}")),
                "messages[0].sender.id", batch(message(f, fine, "{\"type\":\"client\",\"id\":\"spt" + NUL + "\"}", "")),
                "messages[0].sender.type", batch(message(f, fine, "{\"type\":\"cli" + NUL + "ent\",\"id\":\"s\"}", "")),
                "messages[0].idempotency_key", batch(message(f, fine, sender, ",\"idempotency_key\":\"k" + NUL + "\"")),
                "messages[0].provider_run_id", batch(message(f, fine, sender, ",\"provider_run_id\":\"srr_" + NUL + "\"")),
                "messages[0].participant_id", batch(message(f, fine, sender, ",\"participant_id\":\"" + NUL + "\"")),
                "messages[0].created_at", batch(message(f, fine, sender, ",\"created_at\":\"2025" + NUL + "\"")));
        bodies.forEach((field, body) -> post(f, body)
                .statusCode(400)
                .body("code", equalTo("invalid_data"))
                .body("errors[0].path[0]", equalTo(field)));
        String serverSessionWithNul = "{\"messages\":[{\"payload\":" + fine + ",\"sender\":" + sender
                + ",\"server_session_id\":\"spr_" + NUL + "\"}]}";
        post(f, serverSessionWithNul).statusCode(400).body("errors[0].path[0]", equalTo("messages[0].server_session_id"));
        post(f, batch(message(f, "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"a" + NUL + "\":1}}")))
                .statusCode(400).body("errors[0].path[0]", startsWith("messages[0].payload.params."));
        f.list(Map.of()).statusCode(200).body("items", empty());
    }

    @Test
    void a_created_at_out_of_range_or_malformed_is_400_naming_it() {
        MessageFixtures f = new MessageFixtures();
        String fine = "{\"jsonrpc\":\"2.0\",\"method\":\"x\"}";
        String sender = "{\"type\":\"client\",\"id\":\"spt_client\"}";
        for (String createdAt : List.of("+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "-0001-01-01T00:00:00Z",
                "2025-13-01T00:00:00Z", "2025-01-01T00:00:00", "2025-01-01", "")) {
            post(f, batch(message(f, fine), message(f, fine, sender, ",\"created_at\":\"" + createdAt + "\"")))
                    .statusCode(400)
                    .body("code", equalTo("invalid_data"))
                    .body("errors.path.flatten()", equalTo(List.of("messages[1].created_at")))
                    .body("errors[0].message", containsString("years 1 to 9999"));
        }
        post(f, batch(message(f, fine, sender, ",\"created_at\":\"9999-12-31T23:59:59.999Z\""))).statusCode(201)
                .body("items[0].created_at", equalTo("9999-12-31T23:59:59.999Z"));
        post(f, batch(message(f, fine, sender, ",\"created_at\":\"0001-01-01T00:00:00Z\""))).statusCode(201)
                .body("items[0].created_at", equalTo("0001-01-01T00:00:00.000Z"));
    }

    @Test
    void numbers_beyond_a_double_are_stored_exactly_as_plain_decimals() {
        MessageFixtures f = new MessageFixtures();
        String huge = "123456789012345678901234567890123456789012345678901234567890";
        String payload = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"big\":1e309,\"huge\":" + huge
                + ",\"tiny\":-2.50e-320,\"zero\":-0,\"plain\":1.5E+3}}";
        String recorded = post(f, batch(message(f, payload))).statusCode(201).extract().asString();
        String read = f.list(Map.of()).statusCode(200).extract().asString();
        for (String answer : List.of(recorded, read)) {
            assertTrue(answer.matches("(?s).*\"big\": ?10{309}[,}].*"), answer);
            assertTrue(answer.matches("(?s).*\"huge\": ?" + huge + "[,}].*"), answer);
            assertTrue(answer.matches("(?s).*\"tiny\": ?-0\\.0{319}250[,}].*"), answer);
            assertTrue(answer.matches("(?s).*\"zero\": ?0[,}].*"), answer);
            assertTrue(answer.matches("(?s).*\"plain\": ?1500[,}].*"), answer);
        }
    }

    @Test
    void numbers_beyond_what_postgresql_stores_are_400_naming_the_payload() {
        MessageFixtures f = new MessageFixtures();
        for (String number : List.of("1e131072", "1e-16384", "1e999999999999", "-1e-2147483648")) {
            post(f, batch(message(f, "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"n\":" + number + "}}")))
                    .statusCode(400)
                    .body("code", equalTo("invalid_data"))
                    .body("errors[0].path[0]", equalTo("messages[0].payload"))
                    .body("errors[0].message", containsString("131072 digits"));
        }
        f.list(Map.of()).statusCode(200).body("items", empty());
    }

    @Test
    void a_body_of_another_content_type_is_415_in_the_metorial_envelope() {
        MessageFixtures f = new MessageFixtures();
        String body = batch(message(f, "{\"jsonrpc\":\"2.0\",\"method\":\"x\"}"));
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
            post(f, body, type)
                    .statusCode(415)
                    .contentType(ContentType.JSON)
                    .body("__typename", equalTo("error"))
                    .body("status", equalTo(415))
                    .body("code", equalTo("unsupported_media_type"));
        }
        f.list(Map.of()).statusCode(200).body("items", empty());
    }

    @Test
    void a_truncated_body_or_one_with_more_after_it_is_400() {
        MessageFixtures f = new MessageFixtures();
        String whole = batch(message(f, "{\"jsonrpc\":\"2.0\",\"method\":\"x\"}"));
        for (String body : List.of(whole.substring(0, whole.length() - 1), whole.substring(0, 40), "{", "",
                whole + "{}", whole + " x")) {
            post(f, body).statusCode(400).body("__typename", equalTo("error"))
                    .body("code", matchesPattern("bad_request|invalid_data"));
        }
        f.list(Map.of()).statusCode(200).body("items", empty());
    }

    @Test
    void a_body_that_is_no_batch_object_is_400_naming_messages() {
        MessageFixtures f = new MessageFixtures();
        for (String body : List.of("[]", "\"messages\"", "null", "12", "{\"messages\":{}}", "{\"messages\":null}",
                "{\"messages\":[1]}")) {
            post(f, body).statusCode(400).body("code", equalTo("invalid_data"))
                    .body("errors.path.flatten()", hasItem(startsWith("messages")));
        }
    }

    @Test
    void json_nested_deeper_than_the_service_reads_is_400_and_a_payload_as_deep_as_allowed_is_stored() {
        MessageFixtures f = new MessageFixtures();
        String deep = "[".repeat(70) + "]".repeat(70);
        post(f, batch(message(f, "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":" + deep + "}")))
                .statusCode(400)
                .body("errors[0].path[0]", equalTo("messages[0].payload"))
                .body("errors[0].message", containsString("64 levels"));
        post(f, batch(message(f, "{\"jsonrpc\":\"2.0\",\"method\":\"x\"}", "{\"type\":\"client\",\"id\":" + deep + "}", "")))
                .statusCode(400).body("__typename", equalTo("error"));
        f.list(Map.of()).statusCode(200).body("items", empty());
        // The body, its messages, the message and its payload are 4 of the 64 levels.
        String deepest = "[".repeat(60) + "]".repeat(60);
        post(f, batch(message(f, "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":" + deepest + "}"))).statusCode(201);
    }
}
