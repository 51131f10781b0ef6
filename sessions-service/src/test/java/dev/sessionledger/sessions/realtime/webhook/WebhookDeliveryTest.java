package dev.sessionledger.sessions.realtime.webhook;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.sessionledger.commons.testing.EmbeddedPostgresResource;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.sessions.realtime.RealtimeApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Meetings that reach the ledger only through signed RealtimeKit deliveries: verification before
 * anything is read, storage once per delivery, any order of the same deliveries leaving the same
 * meeting, files imported from their download URLs, and the figures the write API derives.
 */
@QuarkusTest
@ServiceTest
class WebhookDeliveryTest {

    private static FileServer files;

    @BeforeAll
    static void serveFiles() throws IOException {
        files = new FileServer();
    }

    @AfterAll
    static void stopServing() {
        files.close();
    }

    @Test
    void receivers_are_made_listed_and_removed_by_administrators_only() {
        RealtimeApi api = new RealtimeApi();
        Deliverer deliverer = new Deliverer(api);
        api.auth().when().get(Deliverer.endpoints(api)).then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.webhook_endpoints.id", hasItem(deliverer.endpointId))
                .body("data.webhook_endpoints[0].url", endsWith("/webhooks/realtimekit/" + deliverer.endpointId))
                .body("data.webhook_endpoints[0].own_key", equalTo(true));
        given().auth().oauth2(TestTokens.member("someone", api.tenant)).contentType("application/json")
                .body(Map.of("public_key", Deliverer.pem(deliverer.keys))).when().post(Deliverer.endpoints(api))
                .then().statusCode(403).body("success", equalTo(false)).body("error.code", equalTo(403));
        api.auth().body(Map.of("public_key", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .when().post(Deliverer.endpoints(api)).then().statusCode(400)
                .body("error.message", containsString("public_key"));
        // This service is configured without RealtimeKit's key, so a receiver must bring its own.
        api.auth().body(Map.of("name", "keyless")).when().post(Deliverer.endpoints(api)).then().statusCode(400)
                .body("error.message", containsString("REALTIMEKIT_WEBHOOK_PUBLIC_KEY"));
        Meeting m = new Meeting();
        api.auth().when().delete(Deliverer.endpoints(api) + "/" + deliverer.endpointId).then().statusCode(200);
        deliverer.deliver(m.started()).statusCode(404).body("success", equalTo(false));
        api.auth().when().delete(Deliverer.endpoints(api) + "/" + deliverer.endpointId).then().statusCode(404);
        sessionNotStored(api, m);
    }

    @Test
    void a_delivery_that_its_signature_does_not_sign_is_refused_and_nothing_is_stored() {
        RealtimeApi api = new RealtimeApi();
        Deliverer deliverer = new Deliverer(api);
        Meeting m = new Meeting();
        byte[] body = Deliverer.bytes(m.started());
        deliverer.post(body, null, "u-1").statusCode(401).body("success", equalTo(false))
                .body("error.code", equalTo(401));
        deliverer.post(body, "not base64 at all!", "u-2").statusCode(401);
        deliverer.post(body, Deliverer.sign(Deliverer.newKeys().getPrivate(), body), "u-3").statusCode(401);
        byte[] altered = new String(body, StandardCharsets.UTF_8).replace("Webhook review", "Webhook reviev")
                .getBytes(StandardCharsets.UTF_8);
        deliverer.post(altered, Deliverer.sign(deliverer.keys.getPrivate(), body), "u-4").statusCode(401);
        // Another receiver's key does not sign for this one.
        Deliverer other = new Deliverer(api);
        deliverer.post(body, Deliverer.sign(other.keys.getPrivate(), body), "u-5").statusCode(401);
        sessionNotStored(api, m);
        deliverer.deliver(body, "u-6").statusCode(200).body("data.outcome", equalTo("applied"));
        api.auth().when().get(api.sessions() + "/" + m.session).then().statusCode(200);
    }

    @Test
    void a_body_that_does_not_read_is_a_400_and_an_unknown_event_is_acknowledged() {
        RealtimeApi api = new RealtimeApi();
        Deliverer deliverer = new Deliverer(api);
        deliverer.deliver("{not json".getBytes(StandardCharsets.UTF_8), "b-1").statusCode(400)
                .body("success", equalTo(false));
        deliverer.deliver(Map.of("event", "meeting.started", "meeting", Map.of("id", "room")))
                .statusCode(400).body("error.message", containsString("meeting.sessionId"));
        Meeting m = new Meeting();
        Map<String, Object> badTime = new java.util.HashMap<>(m.joined(m.ada, "ada", 1));
        badTime.put("participant", Map.of("peerId", m.ada.toString(), "joinedAt", "yesterday"));
        deliverer.deliver(badTime).statusCode(400).body("error.message", containsString("participant.joinedAt"));
        deliverer.deliver("{\"event\":\"meeting.started\",\"meeting\":{\"sessionId\":\"a\u0000b\"}}"
                .getBytes(StandardCharsets.UTF_8), "b-2").statusCode(400);
        sessionNotStored(api, m);
        deliverer.deliver(Map.of("event", "meeting.someFutureEvent", "meeting", m.meeting("LIVE")))
                .statusCode(200).body("data.outcome", equalTo("ignored"));
        sessionNotStored(api, m);
    }

    @Test
    void a_delivery_repeated_under_its_uuid_or_a_new_one_is_stored_once() {
        RealtimeApi api = new RealtimeApi();
        Deliverer deliverer = new Deliverer(api);
        Meeting m = new Meeting();
        deliverer.deliver(m.started()).statusCode(200);
        byte[] join = Deliverer.bytes(m.joined(m.ada, "ada", 1));
        deliverer.deliver(join, "j-1").statusCode(200).body("data.outcome", equalTo("applied"));
        deliverer.deliver(join, "j-1").statusCode(200).body("data.outcome", equalTo("duplicate"));
        deliverer.deliver(join, "j-2").statusCode(200).body("data.outcome", equalTo("duplicate"));
        api.auth().when().get(api.sessions() + "/" + m.session).then().statusCode(200)
                .body("data.live_participants", equalTo(1));
        api.auth().when().get(api.sessions() + "/" + m.session + "/participants").then().statusCode(200)
                .body("data.participants.size()", equalTo(1));
    }

    @Test
    void a_meeting_told_by_webhooks_reads_back_with_the_figures_the_write_api_derives() {
        RealtimeApi api = new RealtimeApi();
        Deliverer deliverer = new Deliverer(api);
        Meeting m = new Meeting();
        for (Map<String, Object> body : m.deliveries(files)) {
            deliverer.deliver(body).statusCode(200).body("data.outcome", equalTo("applied"));
        }
        String path = api.sessions() + "/" + m.session;
        api.auth().when().get(path).then().statusCode(200)
                .body("data.id", equalTo(m.session.toString()))
                .body("data.associated_id", equalTo(m.meetingId))
                .body("data.meeting_display_name", equalTo("Webhook review"))
                .body("data.status", equalTo("ENDED"))
                .body("data.started_at", equalTo(at(0).toString()))
                .body("data.ended_at", equalTo(at(30).toString()))
                .body("data.max_concurrent_participants", equalTo(3))
                .body("data.minutes_consumed", equalTo(19f + 23f + 25f))
                .body("data.meta.end_reason", equalTo("ALL_PARTICIPANTS_LEFT"))
                .body("data.meta.recordings.rec-1.status", equalTo("UPLOADED"))
                .body("data.meta.livestreams.ls-1.status", equalTo("OFFLINE"));
        api.auth().queryParam("sort_by", "joinedAt").queryParam("sort_order", "ASC")
                .queryParam("include_peer_events", true).when().get(path + "/participants").then().statusCode(200)
                .body("data.participants.id", equalTo(List.of(m.ada.toString(), m.bob.toString(), m.cy.toString())))
                .body("data.participants.display_name", equalTo(List.of("ada", "bob", "cy")))
                .body("data.participants.custom_participant_id", equalTo(List.of("cp-ada", "cp-bob", "cp-cy")))
                .body("data.participants.duration", equalTo(List.of(19f, 23f, 25f)))
                .body("data.participants[2].left_at", equalTo(at(30).toString()))
                .body("data.participants[0].peer_events.event_name",
                        equalTo(List.of("PEER_CREATED", "PEER_JOINING", "PEER_LEAVING")));
        String chat = api.download(m.session.toString(), "chat");
        assertTrue(chat.contains("Hello, all"), chat);
        assertTrue(chat.contains("Line one\nline \"\"two\"\""), chat);
        String transcript = api.download(m.session.toString(), "transcript");
        assertTrue(transcript.contains("Webhooks fill the ledger."), transcript);
        String summary = api.download(m.session.toString(), "summary");
        assertTrue(summary.contains(m.summary()), summary);

        // The same meeting through the write API: the same figures.
        RealtimeApi written = new RealtimeApi();
        String s = written.start(m.meetingId, "Webhook review", at(0));
        String ada = written.join(s, "ada", at(1));
        String bob = written.join(s, "bob", at(2));
        written.join(s, "cy", at(5));
        written.leave(s, ada, at(20)).statusCode(200);
        written.leave(s, bob, at(25)).statusCode(200);
        written.end(s, at(30)).statusCode(200);
        JsonNode byApi = session(written, s);
        JsonNode byWebhooks = session(api, m.session.toString());
        for (String figure : List.of("max_concurrent_participants", "minutes_consumed",
                "live_participants", "status", "started_at", "ended_at")) {
            assertEquals(byApi.get(figure), byWebhooks.get(figure), figure);
        }
    }

    @Test
    void any_order_of_a_meeting_s_deliveries_leaves_the_meeting_in_order_delivery_leaves() {
        Meeting m = new Meeting();
        List<Map<String, Object>> inOrder = m.deliveries(files);
        String expected = delivered(m, inOrder);
        Random random = new Random(20261201L);
        List<List<Map<String, Object>>> orders = new ArrayList<>();
        List<Map<String, Object>> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);
        orders.add(reversed);
        for (int i = 0; i < 8; i++) {
            List<Map<String, Object>> shuffled = new ArrayList<>(inOrder);
            Collections.shuffle(shuffled, random);
            // Some deliveries come twice, the copy anywhere after the first.
            shuffled.add(random.nextInt(shuffled.size() + 1), shuffled.get(random.nextInt(shuffled.size())));
            orders.add(shuffled);
        }
        for (List<Map<String, Object>> order : orders) {
            assertEquals(expected, delivered(m, order),
                    "order: " + order.stream().map(b -> (String) b.get("event")).toList());
        }
    }

    @Test
    void a_file_that_cannot_be_read_is_kept_as_failed_and_read_again_on_redelivery() {
        RealtimeApi api = new RealtimeApi();
        Deliverer deliverer = new Deliverer(api);
        Meeting m = new Meeting();
        deliverer.deliver(m.started()).statusCode(200);
        deliverer.deliver(m.joined(m.ada, "ada", 1)).statusCode(200);
        String later = "/" + m.session + "/late-chat.csv";
        byte[] chat = Deliverer.bytes(m.file("meeting.chatSynced", "chatDownloadUrl", files.url(later)));
        deliverer.deliver(chat, "c-1").statusCode(200).body("data.outcome", equalTo("import_failed"))
                .body("data.import_error", containsString("404"));
        files.put(later, "id,participantId,createdAt,payload\n,not-a-uuid," + at(2) + ",hi\n");
        deliverer.deliver(chat, "c-1").statusCode(200).body("data.outcome", equalTo("import_failed"))
                .body("data.import_error", containsString("participantId"));
        files.put(later, m.chatCsv());
        deliverer.deliver(chat, "c-1").statusCode(200).body("data.outcome", equalTo("applied"));
        deliverer.deliver(chat, "c-1").statusCode(200).body("data.outcome", equalTo("duplicate"));
        String csv = api.download(m.session.toString(), "chat");
        assertEquals(3, csv.split("\r\n").length, csv);
        // Bob is named only by the chat: he is a peer from his first message on.
        api.auth().when().get(api.sessions() + "/" + m.session + "/participants/" + m.bob).then().statusCode(200)
                .body("data.participant.display_name", equalTo("bob"))
                .body("data.participant.joined_at", equalTo(at(4).toString()));
    }

    @Inject
    FailedImportRetries retries;

    @Test
    void a_file_that_could_not_be_read_is_read_again_in_the_background_while_its_url_lives() {
        RealtimeApi api = new RealtimeApi();
        Deliverer deliverer = new Deliverer(api);
        Meeting live = new Meeting();
        Meeting expired = new Meeting();
        String liveChat = "/" + live.session + "/retried.csv";
        String expiredChat = "/" + expired.session + "/expired.csv";
        Map<String, Object> fresh = new java.util.HashMap<>(live.file("meeting.chatSynced", "chatDownloadUrl",
                files.url(liveChat)));
        fresh.put("chatDownloadUrlExpiry", Instant.now().plusSeconds(3600).toString());
        deliverer.deliver(fresh).statusCode(200).body("data.outcome", equalTo("import_failed"));
        // Its URL died an hour ago: nothing reads it again.
        Map<String, Object> stale = new java.util.HashMap<>(expired.file("meeting.chatSynced", "chatDownloadUrl",
                files.url(expiredChat)));
        stale.put("chatDownloadUrlExpiry", Instant.now().minusSeconds(3600).toString());
        deliverer.deliver(stale).statusCode(200).body("data.outcome", equalTo("import_failed"));
        files.put(liveChat, live.chatCsv());
        files.put(expiredChat, expired.chatCsv());
        assertTrue(retries.retry() >= 1);
        assertTrue(api.download(live.session.toString(), "chat").contains("Hello, all"));
        assertEquals(1, api.download(expired.session.toString(), "chat").split("\r\n").length,
                "only the header: the expired URL was not read");
        // Imported once: the next pass finds nothing of it to read.
        deliverer.deliver(fresh).statusCode(200).body("data.outcome", equalTo("duplicate"));
    }

    @Test
    void a_file_too_large_or_too_slow_is_not_read_and_its_delivery_kept_as_failed() {
        RealtimeApi api = new RealtimeApi();
        Deliverer deliverer = new Deliverer(api);
        Meeting m = new Meeting();
        String large = files.put("/" + m.session + "/large.md", "x".repeat(65_537));
        deliverer.deliver(m.file("meeting.summary", "summaryDownloadUrl", large)).statusCode(200)
                .body("data.outcome", equalTo("import_failed"))
                .body("data.import_error", containsString("larger than the 65536 bytes"));
        String slow = files.putStalled("/" + m.session + "/slow.md", "A summary that trickles in.", 5_000);
        long started = System.nanoTime();
        deliverer.deliver(m.file("meeting.summary", "summaryDownloadUrl", slow)).statusCode(200)
                .body("data.outcome", equalTo("import_failed"))
                .body("data.import_error", containsString("longer than 2 s"));
        assertTrue(System.nanoTime() - started < 4_500_000_000L, "cut at the timeout, not at the file's end");
        api.auth().when().get(api.sessions() + "/" + m.session + "/summary").then().statusCode(404);
    }

    @Test
    void odd_files_are_read_or_refused_whole_never_answered_with_a_conflict() {
        RealtimeApi api = new RealtimeApi();
        Deliverer deliverer = new Deliverer(api);
        Meeting m = new Meeting();
        String prefix = "/" + m.session;
        // Before any join: a sentence whose peer is known by its id alone, with a blank name, twice.
        String bare = "[{\"startTime\":1000,\"endTime\":2000,\"sentence\":\"First words.\",\"peerData\":{\"id\":\""
                + m.cy + "\",\"displayName\":\" \"}},{\"startTime\":3000,\"sentence\":\"More.\",\"peerData\":{\"id\":\""
                + m.cy + "\",\"displayName\":\"\"}}]";
        deliverer.deliver(m.file("meeting.transcript", "transcriptDownloadUrl", files.put(prefix + "/bare.json", bare)))
                .statusCode(200).body("data.outcome", equalTo("applied"));
        api.auth().when().get(api.sessions() + "/" + m.session + "/participants/" + m.cy).then().statusCode(200)
                .body("data.participant.display_name", equalTo("Participant"))
                .body("data.participant.joined_at", equalTo(at(0).plusSeconds(1).toString()));
        String nul = "[{\"startTime\":1000,\"sentence\":\"a\\u0000b\",\"peerData\":{\"id\":\"" + m.ada + "\"}}]";
        deliverer.deliver(m.file("meeting.transcript", "transcriptDownloadUrl", files.put(prefix + "/nul.json", nul)))
                .statusCode(200).body("data.outcome", equalTo("import_failed"))
                .body("data.import_error", containsString("NUL"));
        String far = "startMs,peerId,userId,customParticipantId,name,text\n99999999999999," + m.ada + ",,,ada,late\n";
        deliverer.deliver(m.file("meeting.transcript", "transcriptDownloadUrl", files.put(prefix + "/far.csv", far)))
                .statusCode(200).body("data.outcome", equalTo("import_failed"))
                .body("data.import_error", containsString("startMs"));
    }

    @Test
    void a_delivery_rewrites_only_the_peers_it_changes() throws InterruptedException {
        RealtimeApi api = new RealtimeApi();
        Deliverer deliverer = new Deliverer(api);
        Meeting m = new Meeting();
        deliverer.deliver(m.started()).statusCode(200);
        deliverer.deliver(m.joined(m.ada, "ada", 1)).statusCode(200);
        deliverer.deliver(m.joined(m.bob, "bob", 2)).statusCode(200);
        String path = api.sessions() + "/" + m.session + "/participants/";
        String adaWritten = api.auth().when().get(path + m.ada).then().statusCode(200).extract()
                .path("data.participant.updated_at");
        Thread.sleep(5);
        deliverer.deliver(m.left(m.bob, "bob", 2, 9)).statusCode(200);
        api.auth().when().get(path + m.ada).then().body("data.participant.updated_at", equalTo(adaWritten));
        api.auth().when().get(path + m.bob).then().body("data.participant.left_at", equalTo(at(9).toString()));
        // The end changes every peer still inside: Ada is closed at it.
        deliverer.deliver(m.ended()).statusCode(200);
        api.auth().when().get(path + m.ada).then().body("data.participant.left_at", equalTo(at(30).toString()));
    }

    @Test
    void a_delivery_that_fails_midway_stores_nothing_of_itself() {
        RealtimeApi api = new RealtimeApi();
        RealtimeApi otherApp = api.otherApp();
        String session = otherApp.start("room-other", "Another app's meeting", at(0));
        Deliverer deliverer = new Deliverer(api);
        Meeting m = new Meeting();
        Map<String, Object> meeting = m.meeting("LIVE");
        meeting.put("sessionId", session);
        byte[] join = Deliverer.bytes(Map.of("event", "meeting.participantJoined", "meeting", meeting,
                "participant", Map.of("peerId", m.ada.toString(), "userDisplayName", "ada",
                        "joinedAt", at(1).toString())));
        // The session row is written first, then refused: the delivery, its peer and its events go with it.
        deliverer.deliver(join, "x-1").statusCode(409).body("success", equalTo(false));
        deliverer.deliver(join, "x-1").statusCode(409);
        otherApp.auth().when().get(otherApp.sessions() + "/" + session).then().statusCode(200)
                .body("data.meeting_display_name", equalTo("Another app's meeting"))
                .body("data.live_participants", equalTo(0));
        otherApp.auth().when().get(otherApp.sessions() + "/" + session + "/participants").then().statusCode(200)
                .body("data.participants.size()", equalTo(0));
        api.auth().when().get(api.sessions() + "/" + session).then().statusCode(404);
    }

    @Test
    void while_the_database_is_down_a_delivery_is_a_503_to_retry_and_its_retry_is_stored() throws Exception {
        RealtimeApi api = new RealtimeApi();
        Deliverer deliverer = new Deliverer(api);
        Meeting m = new Meeting();
        byte[] start = Deliverer.bytes(m.started());
        EmbeddedPostgresResource.stopDatabase();
        try {
            deliverer.deliver(start, "d-1").statusCode(503).header("Retry-After", matchesPattern("[1-9][0-9]*"))
                    .body("success", equalTo(false)).body("error.code", equalTo(503));
        } finally {
            EmbeddedPostgresResource.startDatabase();
        }
        Instant deadline = Instant.now().plusSeconds(30);
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            status = deliverer.deliver(start, "d-1").extract().statusCode();
            if (status == 200) {
                break;
            }
            assertEquals(503, status, "while the service reconnects: 503, never anything else");
            Thread.sleep(200);
        }
        assertEquals(200, status);
        api.auth().when().get(api.sessions() + "/" + m.session).then().statusCode(200)
                .body("data.status", equalTo("LIVE"));
    }

    /** The meeting as the API shows it after {@code order}, delivered to a fresh account's app of one name. */
    private static String delivered(Meeting m, List<Map<String, Object>> order) {
        RealtimeApi api = new RealtimeApi(TestTokens.newTenant(), "meetings");
        Deliverer deliverer = new Deliverer(api);
        for (Map<String, Object> body : order) {
            deliverer.deliver(body).statusCode(200);
        }
        String path = api.sessions() + "/" + m.session;
        JsonNode session = withoutUpdates(session(api, m.session.toString()));
        JsonNode peers = withoutUpdates(read(api.auth().queryParam("include_peer_events", true)
                .queryParam("sort_by", "joinedAt").when().get(path + "/participants").then().statusCode(200)
                .extract().asString()));
        return session + "\n" + peers + "\n" + api.download(m.session.toString(), "chat") + "\n"
                + api.download(m.session.toString(), "transcript") + "\n"
                + api.download(m.session.toString(), "summary");
    }

    private static JsonNode session(RealtimeApi api, String id) {
        return read(api.auth().when().get(api.sessions() + "/" + id).then().statusCode(200).extract().asString())
                .path("data");
    }

    private static void sessionNotStored(RealtimeApi api, Meeting m) {
        api.auth().when().get(api.sessions() + "/" + m.session).then().statusCode(404);
    }

    private static JsonNode read(String json) {
        try {
            return Deliverer.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops every {@code updated_at}: it says when the ledger last wrote, not what the meeting was. */
    private static JsonNode withoutUpdates(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove("updated_at");
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            withoutUpdates(it.next());
        }
        return node;
    }
}
