package dev.sessionledger.sessions;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.auth.VerifiedTokens;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

/**
 * The verified-token cache in front of the services' token check: a token is verified once and
 * then taken from the cache, and an expired, altered or re-signed token is never served from it.
 */
@QuarkusTest
@ServiceTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Inject
    JWTParser parser;

    @Test
    void the_security_layer_parses_through_the_cache_and_a_verified_token_is_kept() {
        assertInstanceOf(VerifiedTokens.class, ClientProxy.unwrap(parser));
        String token = TestTokens.admin(TestTokens.newTenant());
        assertFalse(tokens.known(token).isPresent());
        given().auth().oauth2(token).when().get("/sessions").then().statusCode(200);
        assertTrue(tokens.known(token).isPresent());
        given().auth().oauth2(token).when().get("/sessions").then().statusCode(200);
    }

    @Test
    void an_expired_token_is_not_served_from_the_cache() throws Exception {
        String token = TestTokens.lasting(Duration.ofSeconds(2), TestTokens.newTenant());
        given().auth().oauth2(token).when().get("/sessions").then().statusCode(200);
        assertTrue(tokens.known(token).isPresent());
        Thread.sleep(2500);
        assertFalse(tokens.known(token).isPresent(), "an expired token was still in the cache");
    }

    @Test
    void an_altered_or_re_signed_token_is_verified_afresh_and_refused() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        given().auth().oauth2(token).when().get("/sessions").then().statusCode(200);
        String[] parts = token.split("\\.");

        // the trusted token's header and claims under a stranger's signature
        String[] stranger = TestTokens.signedByStranger(tenant).split("\\.");
        String resigned = parts[0] + "." + parts[1] + "." + stranger[2];
        // one character of the claims changed, the signature kept
        char first = parts[1].charAt(0);
        String altered = parts[0] + "." + (first == 'e' ? 'f' : 'e') + parts[1].substring(1) + "." + parts[2];
        for (String forged : new String[] { resigned, altered, String.join(".", stranger) }) {
            assertNotEquals(token, forged);
            given().auth().oauth2(forged).when().get("/sessions").then().statusCode(401);
            assertFalse(tokens.known(forged).isPresent(), "a refused token was kept");
        }
        assertTrue(tokens.known(token).isPresent());
    }
}
