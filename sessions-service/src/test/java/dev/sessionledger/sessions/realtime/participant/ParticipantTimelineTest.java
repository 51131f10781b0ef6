package dev.sessionledger.sessions.realtime.participant;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.sessions.realtime.RealtimeApi;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@ServiceTest
class ParticipantTimelineTest {

    /**
     * A joins at 0, B at 1, C at 2; A leaves at 3; B leaves at 4 as D joins at 4; the session ends
     * at 6. Peak: three (A, B, C between 2 and 3); B and D only touch. Minutes: 3 + 3 + 4 + 2 = 12.
     */
    @Test
    void derived_figures_follow_overlapping_joins_and_leaves() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("meeting-1", "Weekly sync", at(0));
        String a = api.join(session, "Ada", at(0));
        String b = api.join(session, "Bob", at(1));
        String c = api.join(session, "Cy", at(2));

        api.auth().when().get(api.sessions() + "/" + session).then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.status", equalTo("LIVE"))
                .body("data.live_participants", equalTo(3))
                .body("data.max_concurrent_participants", equalTo(3));

        api.leave(session, a, at(3)).statusCode(200)
                .body("data.participant.duration", equalTo(3.0f))
                .body("data.participant.left_at", equalTo(at(3).toString()));
        api.leave(session, b, at(4)).statusCode(200);
        String d = api.join(session, "Dee", at(4));

        api.auth().when().get(api.sessions() + "/" + session).then()
                .body("data.live_participants", equalTo(2))
                .body("data.max_concurrent_participants", equalTo(3));

        api.end(session, at(6)).statusCode(200)
                .body("data.status", equalTo("ENDED"))
                .body("data.ended_at", equalTo(at(6).toString()))
                .body("data.live_participants", equalTo(0))
                .body("data.max_concurrent_participants", equalTo(3))
                .body("data.minutes_consumed", equalTo(12.0f));

        api.auth().queryParam("sort_by", "joinedAt").when().get(api.sessions() + "/" + session + "/participants")
                .then().statusCode(200)
                .body("data.participants.id", contains(a, b, c, d))
                .body("data.participants.duration", contains(3.0f, 3.0f, 4.0f, 2.0f))
                .body("data.participants[3].left_at", equalTo(at(6).toString()));
    }

    @Test
    void concurrent_joins_and_leaves_leave_consistent_figures() throws Exception {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "Town hall", at(0));
        int peers = 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<String>> joins = new java.util.ArrayList<>();
            for (int i = 0; i < peers; i++) {
                int n = i;
                joins.add(pool.submit(() -> api.join(session, "P" + n, at(1))));
            }
            java.util.List<java.util.concurrent.Future<?>> leaves = new java.util.ArrayList<>();
            for (int i = 0; i < peers / 2; i++) {
                String peer = joins.get(i).get();
                leaves.add(pool.submit(() -> api.leave(session, peer, at(3)).statusCode(200)));
            }
            for (java.util.concurrent.Future<?> f : leaves) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        api.auth().when().get(api.sessions() + "/" + session).then().statusCode(200)
                .body("data.live_participants", equalTo(peers / 2))
                .body("data.max_concurrent_participants", equalTo(peers));
        api.end(session, at(5)).statusCode(200)
                .body("data.minutes_consumed", equalTo(peers / 2 * 2.0f + peers / 2 * 4.0f));
    }

    @Test
    void another_tenant_cannot_write_into_a_session() {
        RealtimeApi owner = new RealtimeApi();
        String session = owner.start("m", "t", at(0));
        String peer = owner.join(session, "Ada", at(1));
        RealtimeApi stranger = new RealtimeApi(TestTokens.newTenant(), owner.app);
        stranger.auth().body(Map.of("display_name", "Eve")).when()
                .post(stranger.sessions() + "/" + session + "/participants").then().statusCode(404);
        stranger.leave(session, peer, at(2)).statusCode(404);
        stranger.end(session, at(2)).statusCode(404);
        stranger.chat(session, java.util.List.of(Map.of("participant_id", peer, "payload", "hi"))).statusCode(404);
        stranger.auth().body(Map.of("metadata", Map.of())).when().put(stranger.sessions() + "/peer-report/" + peer)
                .then().statusCode(404);
        io.restassured.RestAssured.given().auth().oauth2(stranger.token).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("display_name", "Eve")).when().post(owner.sessions() + "/" + session + "/participants")
                .then().statusCode(404).body("success", equalTo(false));
        owner.auth().when().get(owner.sessions() + "/" + session).then()
                .body("data.status", equalTo("LIVE"))
                .body("data.live_participants", equalTo(1));
    }

    @Test
    void a_live_session_counts_open_stays_up_to_now() {
        RealtimeApi api = new RealtimeApi();
        java.time.Instant tenMinutesAgo = java.time.Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String session = api.start("m", "Live one", tenMinutesAgo);
        api.join(session, "Ada", tenMinutesAgo);
        float minutes = api.auth().when().get(api.sessions() + "/" + session).then().statusCode(200)
                .extract().path("data.minutes_consumed");
        org.junit.jupiter.api.Assertions.assertTrue(minutes >= 10.0f && minutes < 11.0f, "minutes " + minutes);
    }

    @Test
    void leaving_and_ending_need_no_body() {
        RealtimeApi api = new RealtimeApi();
        java.time.Instant startedAt = java.time.Instant.now().minusSeconds(120);
        String session = api.start("m", "t", startedAt);
        String peer = api.join(session, "Ada", startedAt);
        io.restassured.RestAssured.given().auth().oauth2(api.token).when()
                .post(api.sessions() + "/" + session + "/participants/" + peer + "/leave").then().statusCode(200)
                .body("data.participant.left_at", org.hamcrest.Matchers.notNullValue());
        io.restassured.RestAssured.given().auth().oauth2(api.token).when()
                .post(api.sessions() + "/" + session + "/end").then().statusCode(200)
                .body("data.status", equalTo("ENDED"));
    }

    @Test
    void leaving_twice_is_a_409() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        String peer = api.join(session, "Ada", at(1));
        api.leave(session, peer, at(2)).statusCode(200);
        api.leave(session, peer, at(3)).statusCode(409)
                .body("success", equalTo(false))
                .body("error.code", equalTo(409))
                .body("error.message", containsString("already left"));
    }

    @Test
    void joining_an_ended_session_is_a_409_and_ending_twice_too() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        api.end(session, at(5)).statusCode(200);
        api.auth().body(Map.of("display_name", "Late")).when().post(api.sessions() + "/" + session + "/participants")
                .then().statusCode(409).body("error.message", containsString("has ended"));
        api.end(session, at(6)).statusCode(409).body("error.code", equalTo(409));
    }

    @Test
    void a_join_retried_with_the_same_peer_id_is_not_counted_twice() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        String peer = "0b9f5c2e-8a51-4c43-a8a1-3f7d7c0e1a11";
        Map<String, Object> body = Map.of("peer_id", peer, "display_name", "Ada", "joined_at", at(1).toString());
        api.auth().body(body).when().post(api.sessions() + "/" + session + "/participants").then().statusCode(201);
        api.auth().body(body).when().post(api.sessions() + "/" + session + "/participants").then().statusCode(200)
                .body("data.participant.id", equalTo(peer));
        api.auth().when().get(api.sessions() + "/" + session).then().body("data.live_participants", equalTo(1));
    }

    @Test
    void bad_join_and_leave_bodies_are_400s_naming_each_field() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        api.auth().body(Map.of("peer_id", "nope", "joined_at", "yesterday", "preset_view_type", "STADIUM"))
                .when().post(api.sessions() + "/" + session + "/participants").then().statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo(400))
                .body("error.message", equalTo("Invalid input: 4 problems"));
        api.auth().body(Map.of("display_name", "Early", "joined_at", at(-1).toString()))
                .when().post(api.sessions() + "/" + session + "/participants").then().statusCode(400)
                .body("error.message", containsString("joined_at"));
        String peer = api.join(session, "Ada", at(2));
        api.leave(session, peer, at(1)).statusCode(400).body("error.message", containsString("left_at"));
        api.auth().body("{\"left_at\":").when().post(api.sessions() + "/" + session + "/participants/" + peer + "/leave")
                .then().statusCode(400).body("success", equalTo(false));
    }

    @Test
    void unknown_sessions_and_peers_are_404s() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        api.leave(session, "6f1c0c1e-0000-4000-8000-000000000000", at(1)).statusCode(404)
                .body("error.code", equalTo(404));
        api.auth().when().get(api.sessions() + "/6f1c0c1e-0000-4000-8000-000000000000/participants").then()
                .statusCode(404).body("success", equalTo(false));
        api.auth().when().get(api.sessions() + "/not-a-uuid").then().statusCode(404);
        api.auth().when().get(api.sessions() + "/" + session + "/participants/not-a-uuid").then().statusCode(404)
                .body("error.message", containsString("participant"));
    }

    @Test
    void participant_details_carry_peer_events_when_asked() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", at(0));
        String peer = api.join(session, Map.of("display_name", "Ada", "joined_at", at(1).toString(),
                "custom_participant_id", "cp-ada", "preset_view_type", "GROUP_CALL", "socket_session_id", "sock-1",
                "user_id", "u-ada"));
        api.leave(session, peer, at(4)).statusCode(200);
        String path = api.sessions() + "/" + session + "/participants/" + peer;
        api.auth().when().get(path).then().statusCode(200)
                .body("data.participant.id", equalTo(peer))
                .body("data.participant.custom_participant_id", equalTo("cp-ada"))
                .body("data.participant.user_id", equalTo("u-ada"))
                .body("data.participant.display_name", equalTo("Ada"))
                .body("data.participant.joined_at", equalTo(at(1).toString()))
                .body("data.participant.duration", equalTo(3.0f))
                .body("data.participant.peer_events", nullValue());
        api.auth().queryParam("include_peer_events", "true").when().get(path).then().statusCode(200)
                .body("data.participant.peer_events", hasSize(3))
                .body("data.participant.peer_events.event_name", contains("PEER_CREATED", "PEER_JOINING", "PEER_LEAVING"))
                .body("data.participant.peer_events[1].preset_view_type", equalTo("GROUP_CALL"))
                .body("data.participant.peer_events[1].socket_session_id", equalTo("sock-1"))
                .body("data.participant.peer_events[2].minutes_consumed", equalTo(3.0f))
                .body("data.participant.peer_events[2].preset_view_type", equalTo("GROUP_CALL"))
                .body("data.participant.peer_events[2].socket_session_id", equalTo("sock-1"))
                .body("data.participant.peer_events[2].peer_id", equalTo(peer))
                .body("data.participant.peer_events[2].session_id", equalTo(session));
    }
}
