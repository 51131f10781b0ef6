package dev.sessionledger.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A batch larger than the body limit is refused up front, in the Metorial error envelope. */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class OversizedBodyTest {

    @Test
    void a_body_declared_larger_than_the_limit_gets_a_413_in_the_metorial_envelope() throws Exception {
        RawHttp.Answer answer;
        try (RawHttp http = RawHttp.post("/sessions/ses_0000000000000000000000/messages", TestTokens.admin("demo"),
                65L * 1024 * 1024)) {
            answer = http.send("{\"messages\":[".getBytes(StandardCharsets.UTF_8)).answer();
        }

        assertEquals(413, answer.status(), answer.toString());
        assertTrue(answer.headers().get("content-type").startsWith("application/json"), answer.toString());
        Map<?, ?> body = answer.json();
        assertEquals("error", body.get("__typename"));
        assertEquals(false, body.get("ok"));
        assertEquals(413, body.get("status"));
        assertEquals("payload_too_large", body.get("code"));
        assertTrue(((String) body.get("message")).contains("67108864 bytes"), body.toString());
    }

    @Test
    void a_batch_sent_without_a_length_is_cut_at_the_limit_with_a_413_in_the_metorial_envelope() {
        String message = "{\"payload\":{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"data\":\""
                + "x".repeat(1_000_000) + "\"}},\"sender\":{\"type\":\"server\",\"id\":\"srv\"},"
                + "\"server_session_id\":\"spr_0000000000000000000000\"}";
        StringBuilder batch = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < 70; i++) {
            batch.append(i == 0 ? "" : ",").append(message);
        }
        batch.append("]}");
        // An InputStream body goes out chunked: no Content-Length for the service to refuse up front.
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.admin(TestTokens.newTenant()))
                .contentType("application/json")
                .body(new java.io.ByteArrayInputStream(batch.toString().getBytes(StandardCharsets.UTF_8)))
                .when().post("/sessions/ses_0000000000000000000000/messages").then()
                .statusCode(413)
                .body("__typename", org.hamcrest.Matchers.equalTo("error"))
                .body("code", org.hamcrest.Matchers.equalTo("payload_too_large"));
    }
}
