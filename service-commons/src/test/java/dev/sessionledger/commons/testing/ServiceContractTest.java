package dev.sessionledger.commons.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.restassured.response.ValidatableResponse;

/**
 * What every service promises besides its API: platform pages open without a token, readiness
 * that includes the database, and a 401 in the API's own envelope for any request without a
 * valid token. A service's test extends it and names one protected path and its envelope.
 */
public abstract class ServiceContractTest {

    /** A path of the service's API that needs a token. */
    protected abstract String protectedPath();

    /** Asserts the body of a 401 is the API's own error envelope. */
    protected abstract void assertUnauthorizedEnvelope(ValidatableResponse response);

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
}
