package dev.sessionledger.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A message that finds the recording buffer full still passes, and is counted as dropped, never lost silently. */
@QuarkusTest
@TestProfile(RecordingBufferFullTest.OneMessageBuffer.class)
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(FakeLedger.class)
class RecordingBufferFullTest {

    /** Room for one waiting message, written one at a time. */
    public static class OneMessageBuffer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.recording.buffer-size", "1", "gateway.recording.batch-size", "1");
        }
    }

    @Test
    void a_message_that_finds_the_buffer_full_passes_and_is_counted() {
        try (RawUpstream upstream = new RawUpstream()) {
            String tenant = TestTokens.newTenant();
            String token = TestTokens.admin(tenant);
            String provider = FakeLedger.provider(tenant, upstream.url(), Map.of());
            double before = GatewayHttpTest.dropped();
            CountDownLatch stalled = FakeLedger.stallMessages();
            // initialize (held in the writer), its result (in the buffer), then two notifications: no room
            // (which two find it full depends on when the writer takes the first; two always do)
            String session = GatewayHttpTest.initialize(token, "/mcp/" + provider).then().statusCode(200)
                    .extract().header("Mcp-Session-Id");
            for (String method : List.of("notifications/initialized", "notifications/cancelled")) {
                GatewayHttpTest.post(token, provider, session, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"}")
                        .then().statusCode(202);
            }
            Eventually.within(Duration.ofSeconds(5), () -> GatewayHttpTest.dropped() >= before + 2);
            assertEquals(before + 2, GatewayHttpTest.dropped());
            stalled.countDown();
            Eventually.within(Duration.ofSeconds(5), () -> FakeLedger.messages(session).size() >= 2);
            // four messages passed: two recorded (the first always the initialize), two counted
            List<String> recorded = FakeLedger.messages(session).stream()
                    .map(m -> m.path("payload").path("method").asText("result")).toList();
            assertEquals(2, recorded.size(), recorded.toString());
            assertEquals("initialize", recorded.get(0));
        }
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
