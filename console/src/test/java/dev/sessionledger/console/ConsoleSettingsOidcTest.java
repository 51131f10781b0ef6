package dev.sessionledger.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With an issuer configured, the pages are told how to sign in with it, and may reach its origin. */
@QuarkusTest
@TestProfile(ConsoleSettingsOidcTest.WithIssuer.class)
class ConsoleSettingsOidcTest {

    /** An issuer with a trailing slash and a path, as some providers write theirs. */
    public static class WithIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("console.oidc.issuer", "https://login.example.com/realms/ledger/",
                    "console.oidc.client-id", "ledger-console", "console.realtime-app-id", "meetings-app");
        }
    }

    @Test
    void settings_name_the_issuer_the_public_client_and_the_scope() {
        given().basePath("").when().get("/console/settings.json").then().statusCode(200)
                .body("oidc.issuer", equalTo("https://login.example.com/realms/ledger"))
                .body("oidc.client_id", equalTo("ledger-console"))
                .body("oidc.scope", equalTo("openid"))
                .body("realtime_app_id", equalTo("meetings-app"));
    }

    @Test
    void the_policy_lets_the_pages_reach_the_issuer_origin_and_nothing_else() {
        given().basePath("").when().get("/console/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self' https://login.example.com;"));
    }
}
