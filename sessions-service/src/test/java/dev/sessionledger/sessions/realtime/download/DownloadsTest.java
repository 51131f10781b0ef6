package dev.sessionledger.sessions.realtime.download;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;
import static dev.sessionledger.sessions.realtime.RealtimeApi.local;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.sessions.realtime.Csv;
import dev.sessionledger.sessions.realtime.RealtimeApi;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@ServiceTest
class DownloadsTest {

    private record Meeting(RealtimeApi api, String session, String ada, String bob) {
        String path(String tail) {
            return api.sessions() + "/" + session + tail;
        }
    }

    private static Meeting meeting() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("room-1", "Roadmap review", at(0));
        String ada = api.join(session, Map.of("display_name", "Ada, \"the\" host", "user_id", "u-ada",
                "custom_participant_id", "cp-ada", "joined_at", at(0).toString()));
        String bob = api.join(session, Map.of("display_name", "Bob", "joined_at", at(1).toString()));
        return new Meeting(api, session, ada, bob);
    }

    @Test
    void chat_downloads_as_csv_without_a_token_and_parses_back() {
        Meeting m = meeting();
        m.api().chat(m.session(), List.of(
                Map.of("participant_id", m.ada(), "payload", "Hello, all", "created_at", at(2).toString()),
                Map.of("participant_id", m.bob(), "payload", "Line one\nline \"two\"", "pinned", true,
                        "is_edited", true, "created_at", at(3).toString()),
                Map.of("participant_id", m.bob(), "payload_type", "image", "payload", "https://img/x.png",
                        "created_at", at(4).toString())))
                .statusCode(201)
                .body("data.received", equalTo(3))
                .body("data.stored", equalTo(3));

        String url = m.api().auth().when().get(m.path("/chat")).then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.chat_download_url", startsWith("http://localhost:8080/downloads/realtime/"))
                .extract().path("data.chat_download_url");
        Instant expiry = Instant.parse(m.api().auth().when().get(m.path("/chat")).then().extract()
                .path("data.chat_download_url_expiry"));
        Duration left = Duration.between(Instant.now(), expiry);
        assertTrue(left.compareTo(Duration.ofMinutes(59)) > 0 && left.compareTo(Duration.ofMinutes(61)) < 0, left.toString());

        String csv = given().when().get(local(url)).then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", containsString(m.session() + "-chat.csv"))
                .extract().asString();
        List<List<String>> rows = Csv.parse(csv);
        assertEquals(List.of("id", "participantId", "sessionId", "meetingId", "displayName", "pinned", "isEdited",
                "payloadType", "payload", "createdAt"), rows.get(0));
        assertEquals(4, rows.size());
        assertEquals(List.of(m.ada(), m.session(), "room-1", "Ada, \"the\" host", "false", "false", "text",
                "Hello, all", at(2).toString()), rows.get(1).subList(1, 10));
        assertEquals(List.of(m.bob(), "Bob", "true", "true", "Line one\nline \"two\""),
                List.of(rows.get(2).get(1), rows.get(2).get(4), rows.get(2).get(5), rows.get(2).get(6), rows.get(2).get(8)));
        assertEquals("image", rows.get(3).get(7));
    }

    @Test
    void csv_cells_a_spreadsheet_would_run_as_formulas_are_defused() {
        Meeting m = meeting();
        m.api().chat(m.session(), List.of(
                Map.of("participant_id", m.ada(), "payload", "=HYPERLINK(\"http://evil.example\",\"x\")", "created_at", at(2).toString()),
                Map.of("participant_id", m.ada(), "payload", "@SUM(A1:A9)", "created_at", at(3).toString()),
                Map.of("participant_id", m.ada(), "payload", "-1 for that idea", "created_at", at(4).toString()),
                Map.of("participant_id", m.ada(), "payload", "a = b + c", "created_at", at(5).toString())))
                .statusCode(201);

        String url = m.api().auth().when().get(m.path("/chat")).then().extract().path("data.chat_download_url");
        List<List<String>> rows = Csv.parse(given().when().get(local(url)).then().statusCode(200).extract().asString());

        assertEquals(List.of("'=HYPERLINK(\"http://evil.example\",\"x\")", "'@SUM(A1:A9)", "'-1 for that idea", "a = b + c"),
                rows.subList(1, 5).stream().map(r -> r.get(8)).toList());
    }

    @Test
    void a_chat_batch_with_an_unknown_sender_stores_nothing_and_a_retry_stores_nothing_twice() {
        Meeting m = meeting();
        m.api().chat(m.session(), List.of(
                Map.of("participant_id", m.ada(), "payload", "ok"),
                Map.of("participant_id", "7b7b7b7b-0000-4000-8000-000000000000", "payload", "who?")))
                .statusCode(400)
                .body("error.message", containsString("messages[1].participant_id"));
        m.api().chat(m.session(), List.of(Map.of("payload_type", "video", "payload", "")))
                .statusCode(400)
                .body("error.message", equalTo("Invalid input: 3 problems"));
        m.api().chat(m.session(), List.of()).statusCode(400).body("error.message", containsString("messages"));

        List<Map<String, Object>> batch = List.of(
                Map.of("id", "1c1c1c1c-0000-4000-8000-000000000001", "participant_id", m.ada(), "payload", "one"),
                Map.of("id", "1c1c1c1c-0000-4000-8000-000000000002", "participant_id", m.bob(), "payload", "two"));
        m.api().chat(m.session(), batch).statusCode(201).body("data.stored", equalTo(2));
        m.api().chat(m.session(), batch).statusCode(201).body("data.received", equalTo(2)).body("data.stored", equalTo(0));

        String url = m.api().auth().when().get(m.path("/chat")).then().extract().path("data.chat_download_url");
        assertEquals(3, Csv.parse(given().when().get(local(url)).then().statusCode(200).extract().asString()).size());
    }

    @Test
    void the_transcript_downloads_in_csv_json_srt_and_vtt() throws Exception {
        Meeting m = meeting();
        transcript(m);

        List<List<String>> csv = Csv.parse(download(m, "CSV"));
        assertEquals(List.of("startMs", "peerId", "userId", "customParticipantId", "name", "text"), csv.get(0));
        assertEquals(List.of("1500", m.ada(), "u-ada", "cp-ada", "Ada, \"the\" host", "Welcome to the review."),
                csv.get(1));
        assertEquals(List.of("3723004", m.bob(), "", "", "Bob", "Thanks <all>\n& more."), csv.get(2));

        JsonNode json = new ObjectMapper().readTree(download(m, "JSON"));
        assertEquals(2, json.size());
        assertEquals(1500, json.get(0).get("startTime").asLong());
        assertEquals(4000, json.get(0).get("endTime").asLong());
        assertEquals("Welcome to the review.", json.get(0).get("sentence").asText());
        assertEquals(m.ada(), json.get(0).get("peerData").get("id").asText());
        assertEquals("u-ada", json.get(0).get("peerData").get("userId").asText());
        assertEquals("cp-ada", json.get(0).get("peerData").get("cpi").asText());
        assertEquals(at(0).toString(), json.get(0).get("peerData").get("joinedAt").asText());
        assertTrue(json.get(1).get("peerData").get("leftAt").isNull());

        assertEquals("1\n00:00:01,500 --> 00:00:04,000\nAda, \"the\" host: Welcome to the review.\n\n"
                + "2\n01:02:03,004 --> 01:02:05,000\nBob: Thanks <all> & more.\n\n", download(m, "SRT"));
        assertEquals("WEBVTT\n\n00:00:01.500 --> 00:00:04.000\n<v Ada, \"the\" host>Welcome to the review.\n\n"
                + "01:02:03.004 --> 01:02:05.000\n<v Bob>Thanks &lt;all&gt; &amp; more.\n\n", download(m, "VTT"));

        m.api().auth().when().get(m.path("/transcript")).then().statusCode(200)
                .body("data.sessionId", equalTo(m.session()))
                .body("data.transcript_download_url_expiry", startsWith("20"));
        m.api().auth().queryParam("format", "DOCX").when().get(m.path("/transcript")).then().statusCode(400)
                .body("error.message", containsString("format"));
    }

    @Test
    void a_long_transcript_streams_out_in_chunks_in_time_order() {
        Meeting m = meeting();
        for (int batch = 2; batch >= 0; batch--) {
            List<Map<String, Object>> segments = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                long start = (batch * 1000L + i) * 1000;
                segments.add(Map.of("participant_id", i % 2 == 0 ? m.ada() : m.bob(), "start_ms", start,
                        "end_ms", start + 900, "text", "Segment " + (batch * 1000 + i) + " of a long meeting."));
            }
            m.api().transcript(m.session(), segments).statusCode(201).body("data.stored", equalTo(1000));
        }
        String url = m.api().auth().queryParam("format", "CSV").when().get(m.path("/transcript")).then()
                .extract().path("data.transcript_download_url");
        io.restassured.response.Response response = given().when().get(local(url));
        assertEquals(200, response.statusCode());
        assertEquals("chunked", response.header("Transfer-Encoding"), "streamed, not buffered whole");
        List<List<String>> rows = Csv.parse(response.asString());
        assertEquals(3001, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(Long.toString((i - 1) * 1000L), rows.get(i).get(0));
        }
    }

    @Test
    void a_transcript_batch_is_checked_whole() {
        Meeting m = meeting();
        m.api().transcript(m.session(), List.of(
                Map.of("participant_id", m.ada(), "start_ms", 10, "end_ms", 5, "text", "backwards"),
                Map.of("participant_id", m.ada(), "text", "no start")))
                .statusCode(400)
                .body("error.message", equalTo("Invalid input: 2 problems"));
        assertEquals(1, Csv.parse(download(m, "CSV")).size());
    }

    @Test
    void altered_and_expired_links_are_refused() {
        Meeting m = meeting();
        String url = m.api().auth().when().get(m.path("/chat")).then().extract().path("data.chat_download_url");
        String path = local(url);
        String token = path.substring(path.lastIndexOf('/') + 1);
        String[] parts = token.split("\\.");

        String otherSession = m.api().start("room-2", "Other", at(0));
        String swapped = String.join(".", parts[0], parts[1], parts[2], otherSession, parts[4], parts[5], parts[6], parts[7]);
        given().when().get("/downloads/realtime/" + swapped).then().statusCode(403)
                .body("success", equalTo(false))
                .body("error.code", equalTo(403));
        String later = String.join(".", parts[0], parts[1], parts[2], parts[3], parts[4], parts[5],
                Long.toString(Long.parseLong(parts[6]) + 86_400), parts[7]);
        given().when().get("/downloads/realtime/" + later).then().statusCode(403);
        given().when().get("/downloads/realtime/garbage").then().statusCode(403);

        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3], parts[4], parts[5],
                Long.toString(Instant.now().minusSeconds(5).getEpochSecond()));
        given().when().get("/downloads/realtime/" + payload + "." + sign(payload)).then().statusCode(410)
                .body("error.message", containsString("expired"));
        given().when().get("/downloads/realtime/" + parts[0] + "." + String.join(".", List.of(parts).subList(1, 7)) + "."
                + sign(String.join(".", List.of(parts).subList(0, 7)))).then().statusCode(200);
    }

    @Test
    void everything_but_downloads_still_needs_a_token() {
        Meeting m = meeting();
        given().when().get(m.path("/chat")).then().statusCode(401).body("error.code", equalTo(401));
        given().when().get(m.path("/transcript")).then().statusCode(401);
    }

    @Test
    void a_summary_is_generated_from_the_transcript_and_downloads_as_text_or_markdown() {
        Meeting m = meeting();
        m.api().auth().when().post(m.path("/summary")).then().statusCode(409)
                .body("success", equalTo(false))
                .body("error.message", containsString("no transcript"));
        m.api().auth().when().get(m.path("/summary")).then().statusCode(404)
                .body("error.message", containsString("No summary"));

        List<Map<String, Object>> segments = new ArrayList<>();
        String[] lines = {
            "Good morning everyone.",
            "The launch of the billing service slipped because the payment provider changed its API.",
            "Yes.",
            "We agreed the billing service launch moves to the second week of April.",
            "Marketing will update the launch announcement for the billing service.",
            "Coffee is in the kitchen.",
            "Any other questions?",
            "The payment provider API change needs a migration of the billing service.",
            "Thanks all.",
            "See you next week."
        };
        for (int i = 0; i < lines.length; i++) {
            segments.add(Map.of("participant_id", i % 2 == 0 ? m.ada() : m.bob(), "start_ms", i * 10_000L,
                    "end_ms", i * 10_000L + 5_000, "text", lines[i]));
        }
        m.api().transcript(m.session(), segments).statusCode(201).body("data.stored", equalTo(10));

        m.api().auth().when().post(m.path("/summary")).then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.session_id", equalTo(m.session()))
                .body("data.status", equalTo("COMPLETED"));
        String url = m.api().auth().when().get(m.path("/summary")).then().statusCode(200)
                .body("data.sessionId", equalTo(m.session()))
                .body("data.summaryDownloadUrlExpiry", startsWith("20"))
                .extract().path("data.summaryDownloadUrl");
        String text = given().when().get(local(url)).then().statusCode(200)
                .header("Content-Type", startsWith("text/plain")).extract().asString();
        assertTrue(text.startsWith("Summary of Roadmap review\nSession " + m.session()), text);
        assertEquals(List.of(
                "- Bob: The launch of the billing service slipped because the payment provider changed its API.",
                "- Bob: The payment provider API change needs a migration of the billing service."),
                text.lines().filter(l -> l.startsWith("- ")).toList());

        m.api().auth().when().post(m.path("/summary")).then().statusCode(200);
        String again = given().when().get(local(m.api().auth().when().get(m.path("/summary")).then()
                .extract().path("data.summaryDownloadUrl"))).then().extract().asString();
        assertEquals(text, again, "the built-in summarizer is deterministic");

        String markdown = given().when().get(local(m.api().auth().queryParam("format", "markdown").when()
                .get(m.path("/summary")).then().extract().path("data.summaryDownloadUrl"))).then().statusCode(200)
                .header("Content-Type", startsWith("text/markdown")).extract().asString();
        assertTrue(markdown.startsWith("# Summary of Roadmap review\n"), markdown);
        assertTrue(markdown.contains("## Key points\n\n- **Bob** (00:00:10): The launch of the billing service"),
                markdown);
    }

    private static void transcript(Meeting m) {
        m.api().transcript(m.session(), List.of(
                Map.of("participant_id", m.bob(), "start_ms", 3_723_004L, "end_ms", 3_725_000L,
                        "text", "Thanks <all>\n& more."),
                Map.of("participant_id", m.ada(), "start_ms", 1500, "end_ms", 4000, "text", "Welcome to the review.")))
                .statusCode(201);
    }

    private static String download(Meeting m, String format) {
        String url = m.api().auth().queryParam("format", format).when().get(m.path("/transcript")).then()
                .statusCode(200).extract().path("data.transcript_download_url");
        return given().when().get(local(url)).then().statusCode(200).extract().asString();
    }

    /** Signs as the service does, with the key application.properties gives the test profile. */
    private static String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("test-only-download-signing-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
