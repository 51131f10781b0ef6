package dev.sessionledger.sessions.realtime;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every text and free-form field of the RealtimeKit write API has a maximum: one past it is a 400
 * in the RealtimeKit envelope naming the field, and nothing is stored.
 */
@QuarkusTest
@ServiceTest
class RealtimeInputBoundsTest {

    private static final List<String> OUT_OF_RANGE = List.of("+10000-01-01T00:00:00Z", "0000-12-31T00:00:00Z");

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo(400))
                .body("error.message", startsWith(field + ": "));
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> body = new HashMap<>(base);
        body.put(field, value);
        return body;
    }

    /** A JSON object of {@code keys} short entries. */
    private static Map<String, Object> keys(int keys) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            map.put("k" + i, i);
        }
        return map;
    }

    /** A JSON object whose keys and strings hold exactly {@code characters} characters. */
    private static Map<String, Object> text(int characters) {
        return Map.of("n", Map.of("t", "x".repeat(characters - 2)));
    }

    @Test
    void a_session_start_past_any_bound_is_a_400_naming_the_field_and_stores_nothing() {
        RealtimeApi api = new RealtimeApi();
        Map<String, Object> ok = Map.of("associated_id", "m", "meeting_display_name", "t");
        Map<String, Object> tooMuch = new LinkedHashMap<>();
        tooMuch.put("id", "x".repeat(37));
        tooMuch.put("associated_id", "a".repeat(RealtimeBounds.ASSOCIATED_ID + 1));
        tooMuch.put("meeting_display_name", "t".repeat(RealtimeBounds.NAME + 1));
        tooMuch.put("type", "t".repeat(20));
        tooMuch.put("meta", keys(50 + 1));
        tooMuch.forEach((field, value) -> refused(api.auth().body(with(ok, field, value)).when().post(api.sessions())
                .then(), field));
        refused(api.auth().body(with(ok, "meta", text(16_384 + 1))).when().post(api.sessions()).then(), "meta");
        refused(api.auth().body(with(ok, "meeting_display_name", "a\u0000b")).when().post(api.sessions()).then(),
                "meeting_display_name");
        refused(api.auth().body(with(ok, "meta", Map.of("note", "a\u0000b"))).when().post(api.sessions()).then(),
                "meta.note");
        for (String time : OUT_OF_RANGE) {
            refused(api.auth().body(with(ok, "started_at", time)).when().post(api.sessions()).then(), "started_at");
        }

        api.auth().body(with(with(ok, "meta", text(16_384)), "associated_id", "a".repeat(RealtimeBounds.ASSOCIATED_ID)))
                .when().post(api.sessions()).then().statusCode(201);
        api.auth().when().get(api.sessions()).then().body("paging.total_count", equalTo(1));
    }

    @Test
    void a_join_leave_or_end_past_any_bound_is_a_400_naming_the_field_and_changes_nothing() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        String participants = api.sessions() + "/" + session + "/participants";
        Map<String, Object> ok = Map.of("display_name", "Ada", "joined_at", at(1).toString());
        Map<String, Object> tooMuch = new LinkedHashMap<>();
        tooMuch.put("peer_id", "not-a-uuid");
        tooMuch.put("user_id", "u".repeat(RealtimeBounds.REFERENCE + 1));
        tooMuch.put("custom_participant_id", "c".repeat(RealtimeBounds.REFERENCE + 1));
        tooMuch.put("display_name", "d".repeat(RealtimeBounds.NAME + 1));
        tooMuch.put("preset_name", "p".repeat(RealtimeBounds.REFERENCE + 1));
        tooMuch.put("preset_view_type", "STADIUM");
        tooMuch.put("socket_session_id", "s".repeat(RealtimeBounds.REFERENCE + 1));
        tooMuch.forEach((field, value) -> refused(api.auth().body(with(ok, field, value)).when().post(participants)
                .then(), field));
        refused(api.auth().body(with(ok, "display_name", "a\u0000b")).when().post(participants).then(), "display_name");
        for (String time : OUT_OF_RANGE) {
            refused(api.auth().body(with(ok, "joined_at", time)).when().post(participants).then(), "joined_at");
        }
        api.auth().when().get(participants).then().body("data.participants", hasSize(0));

        String peer = api.join(session, "Ada", at(1));
        for (String time : OUT_OF_RANGE) {
            refused(api.auth().body(Map.of("left_at", time)).when().post(participants + "/" + peer + "/leave").then(),
                    "left_at");
            refused(api.auth().body(Map.of("ended_at", time)).when().post(api.sessions() + "/" + session + "/end")
                    .then(), "ended_at");
        }
        api.auth().when().get(api.sessions() + "/" + session).then()
                .body("data.status", equalTo("LIVE"))
                .body("data.live_participants", equalTo(1));
        api.auth().when().get(participants + "/" + peer).then().body("data.participant.left_at", nullValue());
    }

    @Test
    void chat_and_transcript_items_past_any_bound_are_400s_naming_the_field_and_store_nothing() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        String peer = api.join(session, "Ada", at(0));
        Map<String, Object> message = Map.of("participant_id", peer, "payload", "hi", "created_at", at(1).toString());
        refused(api.chat(session, List.of(with(message, "payload", "p".repeat(RealtimeBounds.TEXT + 1)))),
                "messages[0].payload");
        refused(api.chat(session, List.of(message, with(message, "payload", "a\u0000b"))), "messages[1].payload");
        refused(api.chat(session, List.of(with(message, "id", "1234"))), "messages[0].id");
        refused(api.chat(session, List.of(with(message, "participant_id", "x".repeat(100)))),
                "messages[0].participant_id");
        refused(api.chat(session, List.of(with(message, "payload_type", "video"))), "messages[0].payload_type");
        for (String time : OUT_OF_RANGE) {
            refused(api.chat(session, List.of(with(message, "created_at", time))), "messages[0].created_at");
        }
        refused(api.chat(session, java.util.Collections.nCopies(RealtimeBounds.BATCH + 1, message)), "messages");

        Map<String, Object> segment = Map.of("participant_id", peer, "start_ms", 0, "end_ms", 10, "text", "Hello.");
        refused(api.transcript(session, List.of(with(segment, "text", "t".repeat(RealtimeBounds.TEXT + 1)))),
                "segments[0].text");
        refused(api.transcript(session, List.of(with(segment, "text", "a\u0000b"))), "segments[0].text");
        refused(api.transcript(session, List.of(with(segment, "id", "1234"))), "segments[0].id");
        refused(api.transcript(session, java.util.Collections.nCopies(RealtimeBounds.BATCH + 1, segment)), "segments");

        assertEquals(1, Csv.parse(api.download(session, "chat")).size());
        assertEquals(1, Csv.parse(api.download(session, "transcript")).size());
        api.chat(session, List.of(with(message, "payload", "p".repeat(RealtimeBounds.TEXT)))).statusCode(201);
    }

    @Test
    void a_peer_report_past_its_bounds_is_a_400_naming_the_part_and_stores_nothing() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        String peer = api.join(session, "Ada", at(0));
        String path = api.sessions() + "/peer-report/" + peer;
        for (String part : List.of("metadata", "quality")) {
            refused(api.auth().body(Map.of(part, keys(RealtimeBounds.REPORT_KEYS + 1))).when().put(path).then(), part);
            refused(api.auth().body(Map.of(part, text(RealtimeBounds.REPORT_TEXT + 1))).when().put(path).then(), part);
            refused(api.auth().body(Map.of(part, Map.of("x", "a\u0000"))).when().put(path).then(), part + ".x");
        }
        api.auth().when().get(path).then().statusCode(200)
                .body("data.peer_report.metadata", anEmptyMap())
                .body("data.peer_report.quality", anEmptyMap());
        api.auth().body(Map.of("metadata", text(RealtimeBounds.REPORT_TEXT), "quality",
                keys(RealtimeBounds.REPORT_KEYS))).when().put(path).then().statusCode(200);
    }

    @Test
    void list_queries_past_their_bounds_or_holding_nul_are_400s_naming_the_parameter() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        for (String path : List.of(api.sessions(), api.sessions() + "/" + session + "/participants")) {
            refused(api.auth().urlEncodingEnabled(false).when().get(path + "?search=a%00b").then(), "search");
            refused(api.auth().queryParam("search", "s".repeat(RealtimeBounds.SEARCH + 1)).when().get(path).then(),
                    "search");
        }
        refused(api.auth().queryParam("associated_id", "a".repeat(RealtimeBounds.ASSOCIATED_ID + 1)).when()
                .get(api.sessions()).then(), "associated_id");
        for (String time : List.of("%2B10000-01-01T00:00:00Z", "0000-12-31T00:00:00Z")) {
            for (String name : List.of("start_time", "end_time")) {
                refused(api.auth().urlEncodingEnabled(false).when().get(api.sessions() + "?" + name + "=" + time)
                        .then(), name);
            }
        }
        api.auth().queryParam("search", "s".repeat(RealtimeBounds.SEARCH)).when().get(api.sessions()).then()
                .statusCode(200).body("paging.total_count", equalTo(0));
        api.auth().urlEncodingEnabled(false).when().get(api.sessions() + "/" + UUID.randomUUID() + "?x=%00").then()
                .statusCode(400).body("success", equalTo(false)).body("error.message", containsString("x"));
    }
}
