package dev.sessionledger.sessions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.EmbeddedPostgresResource;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A body sent without a declared length (chunked) that runs past the 10 MiB limit is cut with a
 * 413 in the called API's envelope, and nothing of it is stored.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestTokens.class)
class RequestBodyLimitTest {

    private static final int OVER_THE_LIMIT = 10 * 1024 * 1024 + 4096;

    /** {@code {"metadata":{"note":"xxxx..."}}}, larger than the limit; an InputStream body goes out chunked. */
    private static ByteArrayInputStream chunkedBody() {
        return new ByteArrayInputStream(("{\"metadata\":{\"note\":\"" + "x".repeat(OVER_THE_LIMIT) + "\"}}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_chunked_body_past_the_limit_is_413_in_the_metorial_envelope_and_nothing_is_stored() {
        String token = TestTokens.admin(TestTokens.newTenant());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(chunkedBody())
                .when().post("/sessions").then()
                .statusCode(413)
                .body("__typename", equalTo("error"))
                .body("code", equalTo("payload_too_large"));
        given().auth().oauth2(token).when().get("/sessions").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void a_chunked_body_past_the_limit_is_413_in_the_realtimekit_envelope() {
        String tenant = TestTokens.newTenant();
        given().auth().oauth2(TestTokens.admin(tenant)).contentType(ContentType.JSON).body(chunkedBody())
                .when().post("/accounts/" + tenant + "/realtime/kit/app/sessions").then()
                .statusCode(413)
                .body("success", equalTo(false))
                .body("error.code", equalTo(413));
    }
}
