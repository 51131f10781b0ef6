package dev.sessionledger.messages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.Concurrently;
import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Ingest bodies in flight share one budget of bytes, reserved by each body's declared length
 * before it is read: beyond it a request is 503 with Retry-After, a body larger than all of it is
 * 413, and a body's share comes back when its request ends, however it ends.
 */
@QuarkusTest
@TestProfile(InflightBudgetTest.SmallBudget.class)
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class InflightBudgetTest {

    static final long BUDGET = 4L * 1024 * 1024;
    private static final Pattern IN_FLIGHT = Pattern.compile("(?m)^messages_ingest_inflight_bytes(?:\\{[^}]*})? (\\S+)$");

    /** A budget small enough to fill with a few test bodies. */
    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("messages.ingest.max-inflight-bytes", String.valueOf(BUDGET));
        }
    }

    @Test
    void a_body_beyond_the_budget_is_503_with_retry_after_and_succeeds_on_retry() throws Exception {
        MessageFixtures f = new MessageFixtures();
        byte[] first = f.notificationsBody(3, 1_000_000);
        byte[] second = f.notificationsBody(2, 1_000_000);
        assertTrue(first.length + second.length > BUDGET && first.length < BUDGET && second.length < BUDGET);

        try (RawHttp held = RawHttp.post(f.path(), f.token, first.length)) {
            held.send(first, 0, first.length / 2);
            awaitInFlight(first.length);

            RawHttp.Answer refused;
            try (RawHttp http = RawHttp.post(f.path(), f.token, second.length)) {
                refused = http.answer();
            }
            assertEquals(503, refused.status(), refused.toString());
            assertEquals("3", refused.headers().get("retry-after"), refused.toString());
            assertEquals("close", refused.headers().get("connection"), refused.toString());
            Map<?, ?> error = refused.json();
            assertEquals("error", error.get("__typename"));
            assertEquals("service_unavailable", error.get("code"));

            RawHttp.Answer stored = held.send(first, first.length / 2, first.length).answer();
            assertEquals(201, stored.status(), stored.toString());
        }
        awaitInFlight(0);
        given().auth().oauth2(f.token).contentType(ContentType.JSON).body(second)
                .when().post(f.path()).then().statusCode(201).body("items", hasSize(2));
        f.list(Map.of()).statusCode(200).body("items", hasSize(5));
    }

    @Test
    void a_body_larger_than_the_whole_budget_is_413_and_so_is_one_of_no_declared_length() throws Exception {
        MessageFixtures f = new MessageFixtures();
        for (long length : new long[] { BUDGET + 1, -1 }) {
            RawHttp.Answer answer;
            try (RawHttp http = RawHttp.post(f.path(), f.token, length)) {
                answer = http.answer();
            }
            assertEquals(413, answer.status(), answer.toString());
            Map<?, ?> error = answer.json();
            assertEquals("error", error.get("__typename"));
            assertEquals("payload_too_large", error.get("code"));
            assertTrue(((String) error.get("message")).contains(String.valueOf(BUDGET)), error.toString());
        }
        f.list(Map.of()).statusCode(200).body("items", hasSize(0));
    }

    @Test
    void a_body_given_up_half_way_gives_its_share_back() throws Exception {
        MessageFixtures f = new MessageFixtures();
        byte[] body = f.notificationsBody(3, 1_000_000);
        try (RawHttp abandoned = RawHttp.post(f.path(), f.token, body.length)) {
            abandoned.send(body, 0, body.length / 2);
            awaitInFlight(body.length);
        }
        awaitInFlight(0);
        given().auth().oauth2(f.token).contentType(ContentType.JSON).body(body)
                .when().post(f.path()).then().statusCode(201).body("items", hasSize(3));
    }

    @Test
    void bodies_that_fit_the_budget_together_are_all_stored_at_once() throws Exception {
        MessageFixtures f = new MessageFixtures();
        byte[] body = f.notificationsBody(4, 100_000);
        assertTrue(8L * body.length < BUDGET);
        List<Integer> statuses = Concurrently.times(8, () -> given().auth().oauth2(f.token).contentType(ContentType.JSON)
                .body(body).when().post(f.path()).then().extract().statusCode());
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), statuses);
        awaitInFlight(0);
    }

    /** Waits until the bytes the service holds for bodies in flight, as its metrics say, are {@code bytes}. */
    private static void awaitInFlight(long bytes) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        double seen = -1;
        while (Instant.now().isBefore(deadline)) {
            Matcher gauge = IN_FLIGHT.matcher(given().when().get("/q/metrics").then().statusCode(200)
                    .extract().asString());
            seen = gauge.find() ? Double.parseDouble(gauge.group(1)) : -1;
            if (seen == bytes) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("bytes in flight stayed at " + seen + ", not " + bytes);
    }
}
