package dev.sessionledger.sessions.realtime;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.Concurrently;
import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Identical writes fired at one instant, as retrying clients do: each answers what one request
 * alone would (or the API's own 409), none fails with a 5xx, and one record results.
 */
@QuarkusTest
@ServiceTest
class RealtimeRaceTest {

    private static final int RACERS = 16;

    @Test
    void parallel_starts_with_one_session_id_make_one_session_and_the_same_answer() throws Exception {
        RealtimeApi api = new RealtimeApi();
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("id", id, "associated_id", "room", "meeting_display_name", "Race",
                "started_at", at(0).toString(), "meta", Map.of("n", 1));
        List<ExtractableResponse<Response>> answers = Concurrently.times(RACERS,
                () -> api.auth().body(body).when().post(api.sessions()).then().extract());

        assertEquals(List.of(200, 201), statuses(answers));
        assertEquals(1, answers.stream().filter(a -> a.statusCode() == 201).count());
        assertEquals(1, answers.stream().map(ExtractableResponse::asString).distinct().count(), bodies(answers));
        api.auth().when().get(api.sessions()).then().body("paging.total_count", equalTo(1));
    }

    @Test
    void parallel_joins_with_one_peer_id_make_one_peer() throws Exception {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("room", "Race", at(0));
        String peer = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("peer_id", peer, "display_name", "Ada", "joined_at", at(1).toString());
        List<ExtractableResponse<Response>> answers = Concurrently.times(RACERS, () -> api.auth().body(body).when()
                .post(api.sessions() + "/" + session + "/participants").then().extract());

        assertEquals(List.of(200, 201), statuses(answers));
        assertEquals(1, answers.stream().filter(a -> a.statusCode() == 201).count());
        assertEquals(1, answers.stream().map(a -> a.path("data.participant.id")).distinct().count(), bodies(answers));
        api.auth().when().get(api.sessions() + "/" + session).then()
                .body("data.live_participants", equalTo(1))
                .body("data.max_concurrent_participants", equalTo(1));
        api.auth().when().get(api.sessions() + "/" + session + "/participants").then()
                .body("data.participants", hasSize(1));
    }

    /** A peer id is unique in the tenant: joins of one id into two sessions at once leave one peer and 409s. */
    @Test
    void parallel_joins_with_one_peer_id_into_two_sessions_make_one_peer_and_409s() throws Exception {
        RealtimeApi api = new RealtimeApi();
        List<String> sessions = List.of(api.start("room", "First", at(0)), api.start("room", "Second", at(0)));
        String peer = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("peer_id", peer, "display_name", "Ada", "joined_at", at(1).toString());
        AtomicInteger turn = new AtomicInteger();
        List<ExtractableResponse<Response>> answers = Concurrently.times(RACERS, () -> api.auth().body(body).when()
                .post(api.sessions() + "/" + sessions.get(turn.getAndIncrement() % 2) + "/participants").then()
                .extract());

        assertTrue(Set.of(200, 201, 409).containsAll(statuses(answers)), bodies(answers));
        assertEquals(1, answers.stream().filter(a -> a.statusCode() == 201).count(), bodies(answers));
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> assertTrue(
                a.<String>path("error.message").contains("has already been used"), a.asString()));
        int peers = 0;
        for (String session : sessions) {
            peers += api.auth().when().get(api.sessions() + "/" + session + "/participants").then().extract()
                    .<List<Object>>path("data.participants").size();
        }
        assertEquals(1, peers);
    }

    /** Half the racers send the batch in reverse order, which must not make two inserts wait on each other. */
    @Test
    void parallel_chat_and_transcript_batches_with_the_same_ids_store_each_once() throws Exception {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("room", "Race", at(0));
        String peer = api.join(session, "Ada", at(0));
        List<Map<String, Object>> messages = new ArrayList<>();
        List<Map<String, Object>> segments = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            messages.add(Map.of("id", UUID.randomUUID().toString(), "participant_id", peer, "payload", "m" + i,
                    "created_at", at(1).plusMillis(i).toString()));
            segments.add(Map.of("id", UUID.randomUUID().toString(), "participant_id", peer, "start_ms", i * 1000,
                    "end_ms", i * 1000 + 500, "text", "Sentence number " + i + " of the race."));
        }
        List<Map<String, Object>> reversedMessages = new ArrayList<>(messages);
        java.util.Collections.reverse(reversedMessages);
        List<Map<String, Object>> reversedSegments = new ArrayList<>(segments);
        java.util.Collections.reverse(reversedSegments);

        AtomicInteger chatTurn = new AtomicInteger();
        List<ExtractableResponse<Response>> chats = Concurrently.times(RACERS, () -> api.chat(session,
                chatTurn.getAndIncrement() % 2 == 0 ? messages : reversedMessages).extract());
        AtomicInteger segmentTurn = new AtomicInteger();
        List<ExtractableResponse<Response>> transcripts = Concurrently.times(RACERS, () -> api.transcript(session,
                segmentTurn.getAndIncrement() % 2 == 0 ? segments : reversedSegments).extract());

        for (List<ExtractableResponse<Response>> answers : List.of(chats, transcripts)) {
            assertEquals(List.of(201), statuses(answers), bodies(answers));
            assertEquals(300, answers.stream().mapToInt(a -> a.<Integer>path("data.stored")).sum());
        }
        assertEquals(301, Csv.parse(api.download(session, "chat")).size());
        assertEquals(301, Csv.parse(api.download(session, "transcript")).size());
    }

    @Test
    void parallel_peer_reports_make_one_report_and_the_same_answer() throws Exception {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("room", "Race", at(0));
        String peer = api.join(session, "Ada", at(1));
        api.leave(session, peer, at(4)).statusCode(200);
        Map<String, Object> report = Map.of("metadata", Map.of("device_info", Map.of("os", "linux")),
                "quality", Map.of("mos", 4.5));
        List<ExtractableResponse<Response>> answers = Concurrently.times(RACERS, () -> api.auth().body(report).when()
                .put(api.sessions() + "/peer-report/" + peer).then().extract());

        assertEquals(List.of(200), statuses(answers), bodies(answers));
        assertEquals(1, answers.stream().map(ExtractableResponse::asString).distinct().count(), bodies(answers));
        api.auth().when().get(api.sessions() + "/peer-report/" + peer).then().statusCode(200)
                .body("data.peer_report.metadata.device_info.os", equalTo("linux"))
                .body("data.peer_report.quality.mos", equalTo(4.5f));
    }

    @Test
    void parallel_summaries_make_one_summary() throws Exception {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("room", "Race", at(0));
        String peer = api.join(session, "Ada", at(0));
        api.transcript(session, List.of(Map.of("participant_id", peer, "start_ms", 0, "end_ms", 900,
                "text", "The billing launch moves to the second week of April."))).statusCode(201);
        List<ExtractableResponse<Response>> answers = Concurrently.times(RACERS, () -> api.auth().when()
                .post(api.sessions() + "/" + session + "/summary").then().extract());

        assertEquals(List.of(200), statuses(answers), bodies(answers));
        assertEquals(1, answers.stream().map(ExtractableResponse::asString).distinct().count(), bodies(answers));
        assertTrue(api.download(session, "summary").contains("- Ada: The billing launch moves to the second week of April."));
    }

    private static List<Integer> statuses(List<ExtractableResponse<Response>> answers) {
        return answers.stream().map(ExtractableResponse::statusCode).distinct().sorted().toList();
    }

    private static String bodies(List<ExtractableResponse<Response>> answers) {
        return answers.stream().map(a -> a.statusCode() + " " + a.asString()).collect(Collectors.joining("\n"));
    }
}
