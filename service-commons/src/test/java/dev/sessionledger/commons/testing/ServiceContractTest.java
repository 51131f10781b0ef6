package dev.sessionledger.commons.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.restassured.response.ValidatableResponse;

/**
 * What every service promises besides its API: platform pages open without a token, readiness
 * that includes the database, a 401 in the API's own envelope for any request without a valid
 * token, and a 503 with {@code Retry-After} in that envelope while its database is gone, from
 * which it recovers by itself. A service's test extends it and names one protected path (one
 * that reads the database) and its envelope.
 */
public abstract class ServiceContractTest {

    /** How long a service may take to serve again once its database is back. */
    private static final Duration RECOVERY = Duration.ofSeconds(15);

    /** A path of the service's API that needs a token and reads the database. */
    protected abstract String protectedPath();

    /** Asserts the body is the API's own error envelope for {@code status}. */
    protected abstract void assertErrorEnvelope(ValidatableResponse response, int status);

    private void assertUnauthorizedEnvelope(ValidatableResponse response) {
        assertErrorEnvelope(response, 401);
    }

    @Test
    void readiness_is_up_and_includes_the_database() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
    }

    @Test
    void liveness_metrics_and_openapi_need_no_token() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void a_request_without_a_token_is_401_in_the_api_envelope() {
        assertUnauthorizedEnvelope(given().when().get(protectedPath()).then().statusCode(401));
    }

    @Test
    void a_token_signed_by_an_untrusted_key_is_401() {
        assertUnauthorizedEnvelope(given().auth().oauth2(TestTokens.signedByStranger("acme"))
                .when().get(protectedPath()).then().statusCode(401));
    }

    @Test
    void an_expired_token_is_401() {
        assertUnauthorizedEnvelope(given().auth().oauth2(TestTokens.expired("acme"))
                .when().get(protectedPath()).then().statusCode(401));
    }

    @Test
    void a_token_minted_for_another_audience_is_401() {
        assertUnauthorizedEnvelope(given().auth().oauth2(TestTokens.forAudience("another-application", "acme"))
                .when().get(protectedPath()).then().statusCode(401));
    }

    @Test
    void a_token_without_an_audience_is_401() {
        assertUnauthorizedEnvelope(given().auth().oauth2(TestTokens.forAudience(null, "acme"))
                .when().get(protectedPath()).then().statusCode(401));
    }

    @Test
    void a_malformed_token_is_401() {
        assertUnauthorizedEnvelope(given().header("Authorization", "Bearer not.a.jwt")
                .when().get(protectedPath()).then().statusCode(401));
    }

    @Test
    void headers_larger_than_the_service_reads_are_431_in_the_api_envelope() {
        String token = TestTokens.admin(TestTokens.newTenant());
        assertErrorEnvelope(given().auth().oauth2(token).header("X-Padding", "a".repeat(20_000))
                .when().get(protectedPath()).then().statusCode(431), 431);
    }

    @Test
    void a_bearer_token_of_ten_kilobytes_is_answered_in_the_api_envelope() {
        assertErrorEnvelope(given().header("Authorization", "Bearer " + "a".repeat(10_240))
                .when().get(protectedPath()).then().statusCode(401), 401);
    }

    @Test
    void a_request_line_longer_than_the_service_reads_is_414_in_the_api_envelope() {
        String token = TestTokens.admin(TestTokens.newTenant());
        assertErrorEnvelope(given().auth().oauth2(token).urlEncodingEnabled(false)
                .when().get(protectedPath() + "?padding=" + "a".repeat(40_000)).then().statusCode(414), 414);
    }

    @Test
    void a_nul_character_in_the_query_is_400_naming_the_parameter() {
        String token = TestTokens.admin(TestTokens.newTenant());
        ValidatableResponse response = given().auth().oauth2(token).urlEncodingEnabled(false)
                .when().get(protectedPath() + "?limit=1&note=a%00b").then().statusCode(400)
                .body(containsString("note"));
        assertErrorEnvelope(response, 400);
    }

    @Test
    void an_unreachable_database_is_503_with_retry_after_and_the_service_recovers_by_itself() throws Exception {
        String token = TestTokens.admin(TestTokens.newTenant());
        given().auth().oauth2(token).when().get(protectedPath()).then().statusCode(200);
        EmbeddedPostgresResource.stopDatabase();
        try {
            for (int i = 0; i < 3; i++) {
                assertErrorEnvelope(given().auth().oauth2(token).when().get(protectedPath()).then()
                        .statusCode(503).header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")), 503);
            }
            given().when().get("/q/health/ready").then().statusCode(503);
        } finally {
            EmbeddedPostgresResource.startDatabase();
        }
        Instant deadline = Instant.now().plus(RECOVERY);
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            status = given().auth().oauth2(token).when().get(protectedPath()).then().extract().statusCode();
            if (status == 200) {
                break;
            }
            org.junit.jupiter.api.Assertions.assertEquals(503, status, "while recovering: 503, never anything else");
            Thread.sleep(200);
        }
        org.junit.jupiter.api.Assertions.assertEquals(200, status, "serves again within " + RECOVERY);
    }
}
