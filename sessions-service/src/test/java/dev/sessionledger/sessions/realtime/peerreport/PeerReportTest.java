package dev.sessionledger.sessions.realtime.peerreport;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.sessions.realtime.RealtimeApi;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@ServiceTest
class PeerReportTest {

    private static final Map<String, Object> REPORT = Map.of(
            "metadata", Map.of(
                    "device_info", Map.of("os", "linux", "cpus", 8),
                    "ip_information", Map.of("country", "PT", "city", "Lisbon"),
                    "events", List.of(Map.of("name", "mic_on", "timestamp", "2025-03-01T10:01:00Z")),
                    "sdk_name", "web-core"),
            "quality", Map.of("audio_producer_cumulative", Map.of("quality_mos", Map.of("avg", 4.3))));

    @Test
    void a_stored_report_reads_back_with_the_peer_at_the_peer_report_path() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        String peer = api.join(session, Map.of("display_name", "Ada", "user_id", "u-ada", "joined_at",
                at(1).toString()));
        api.auth().body(REPORT).when().put(api.sessions() + "/peer-report/" + peer).then().statusCode(200)
                .body("data.peer_report.metadata.sdk_name", equalTo("web-core"));

        String path = api.sessions() + "/peer-report/" + peer;
        api.auth().when().get(path).then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.id", equalTo(peer))
                .body("data.session_id", equalTo(session))
                .body("data.display_name", equalTo("Ada"))
                .body("data.user_id", equalTo("u-ada"))
                .body("data.peer_report.metadata.device_info.os", equalTo("linux"))
                .body("data.peer_report.metadata.ip_information.city", equalTo("Lisbon"))
                .body("data.peer_report.quality.audio_producer_cumulative.quality_mos.avg", equalTo(4.3f))
                .body("data.participant.id", equalTo(peer))
                .body("data.participant.peer_report.metadata.sdk_name", equalTo("web-core"))
                .body("data", not(hasKey("peer_events")));
        api.auth().queryParam("include_peer_events", "true").when().get(path).then()
                .body("data.peer_events.event_name", contains("PEER_CREATED", "PEER_JOINING"));
    }

    @Test
    void filters_narrow_the_report_to_the_named_parts() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        String peer = api.join(session, "Ada", at(1));
        api.auth().body(REPORT).when().put(api.sessions() + "/peer-report/" + peer).then().statusCode(200);
        String path = api.sessions() + "/peer-report/" + peer;
        api.auth().queryParam("filters", "device_info").when().get(path).then().statusCode(200)
                .body("data.peer_report.metadata.device_info.cpus", equalTo(8))
                .body("data.peer_report.metadata", not(hasKey("ip_information")))
                .body("data.peer_report.metadata", not(hasKey("sdk_name")))
                .body("data.peer_report.quality", anEmptyMap());
        api.auth().queryParam("filters", "quality_stats,events").when().get(path).then()
                .body("data.peer_report.metadata.events[0].name", equalTo("mic_on"))
                .body("data.peer_report.metadata", not(hasKey("device_info")))
                .body("data.peer_report.quality.audio_producer_cumulative.quality_mos.avg", equalTo(4.3f));
        api.auth().queryParam("filters", "gps").when().get(path).then().statusCode(400)
                .body("error.message", containsString("filters"));
    }

    @Test
    void a_peer_without_report_has_an_empty_one_and_unknown_peers_are_404() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        String peer = api.join(session, "Ada", at(1));
        api.auth().when().get(api.sessions() + "/peer-report/" + peer).then().statusCode(200)
                .body("data.peer_report.metadata", anEmptyMap())
                .body("data.left_at", nullValue());
        api.auth().when().get(api.sessions() + "/peer-report/5a0c7a44-1111-4d4d-9999-000000000000").then()
                .statusCode(404).body("error.code", equalTo(404));
        api.auth().body(REPORT).when().put(api.sessions() + "/peer-report/5a0c7a44-1111-4d4d-9999-000000000000")
                .then().statusCode(404);
        RealtimeApi otherApp = api.otherApp();
        otherApp.auth().when().get(otherApp.sessions() + "/peer-report/" + peer).then().statusCode(404);
    }
}
