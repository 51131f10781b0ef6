package dev.sessionledger.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The console's own answers over HTTP: its page, its bundle, its settings and the headers that guard them. */
@QuarkusTest
class ConsolePagesTest {

    @Test
    void serves_its_page_with_the_bundled_script_and_no_inline_one() {
        String page = given().basePath("").when().get("/console/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .extract().asString();
        String script = page.replaceAll("(?s).*<script type=\"module\" src=\"([^\"]+)\".*", "$1");
        given().basePath("").when().get(script).then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("sessionledger.token"));
        assertFalse(page.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "no inline script: " + page);
    }

    @Test
    void every_answer_carries_a_policy_that_allows_scripts_and_calls_from_its_own_origin_only() {
        given().basePath("").when().get("/console/settings.json").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void settings_offer_no_identity_provider_unless_one_is_configured() {
        given().basePath("").when().get("/console/settings.json").then().statusCode(200)
                .body("realtime_app_id", equalTo("default"))
                .body("oidc", nullValue());
    }

    @Test
    void health_and_metrics_stay_at_the_root_for_the_probes() {
        given().basePath("").when().get("/q/health/ready").then().statusCode(200);
        given().basePath("").when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
