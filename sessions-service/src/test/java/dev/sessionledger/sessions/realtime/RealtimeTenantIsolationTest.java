package dev.sessionledger.sessions.realtime;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Ids of the RealtimeKit write API may be chosen by the client and are unique per tenant only:
 * two tenants that pick the same session, peer, message and segment ids each keep their own rows.
 */
@QuarkusTest
@ServiceTest
class RealtimeTenantIsolationTest {

    /** One tenant's side of the meeting; both sides use the same ids and the same app id. */
    private record Side(RealtimeApi api, String name, int leaveAt, int endAt) {
        String path(String session, String tail) {
            return api.sessions() + "/" + session + tail;
        }
    }

    @Test
    void two_tenants_with_the_same_ids_each_do_everything_and_see_and_change_only_their_own_rows() {
        String app = "app-" + UUID.randomUUID().toString().substring(0, 8);
        Side a = new Side(new RealtimeApi(TestTokens.newTenant(), app), "Alpha", 5, 6);
        Side b = new Side(new RealtimeApi(TestTokens.newTenant(), app), "Beta", 7, 9);
        List<Side> sides = List.of(a, b);
        String session = UUID.randomUUID().toString();
        String peer = UUID.randomUUID().toString();
        String message = UUID.randomUUID().toString();
        String segment = UUID.randomUUID().toString();

        // Each step runs for both tenants before the next, so every write meets the other tenant's twin row.
        for (Side s : sides) {
            s.api().auth().body(Map.of("id", session, "associated_id", "room-" + s.name(), "meeting_display_name",
                    s.name() + " review", "started_at", at(0).toString())).when().post(s.api().sessions()).then()
                    .statusCode(201).body("data.id", equalTo(session));
        }
        for (Side s : sides) {
            s.api().auth().body(Map.of("peer_id", peer, "display_name", s.name() + " host", "joined_at",
                    at(1).toString())).when().post(s.path(session, "/participants")).then().statusCode(201)
                    .body("data.participant.id", equalTo(peer));
        }
        for (Side s : sides) {
            s.api().chat(session, List.of(Map.of("id", message, "participant_id", peer, "payload",
                    "Hello from " + s.name(), "created_at", at(2).toString())))
                    .statusCode(201).body("data.stored", equalTo(1));
        }
        for (Side s : sides) {
            s.api().transcript(session, List.of(Map.of("id", segment, "participant_id", peer, "start_ms", 60_000,
                    "end_ms", 65_000, "text", "The " + s.name() + " launch moves to the second week of April.")))
                    .statusCode(201).body("data.stored", equalTo(1));
        }
        for (Side s : sides) {
            s.api().auth().body(Map.of("metadata", Map.of("sdk_name", s.name()), "quality", Map.of("mos", s.leaveAt())))
                    .when().put(s.api().sessions() + "/peer-report/" + peer).then().statusCode(200)
                    .body("data.peer_report.metadata.sdk_name", equalTo(s.name()));
        }
        for (Side s : sides) {
            s.api().leave(session, peer, at(s.leaveAt())).statusCode(200)
                    .body("data.participant.display_name", equalTo(s.name() + " host"))
                    .body("data.participant.duration", equalTo((float) (s.leaveAt() - 1)));
        }
        for (Side s : sides) {
            s.api().end(session, at(s.endAt())).statusCode(200)
                    .body("data.ended_at", equalTo(at(s.endAt()).toString()))
                    .body("data.minutes_consumed", equalTo((float) (s.leaveAt() - 1)));
        }
        for (Side s : sides) {
            s.api().auth().when().post(s.path(session, "/summary")).then().statusCode(200)
                    .body("data.status", equalTo("COMPLETED"));
        }

        for (Side s : sides) {
            Side other = s == a ? b : a;
            s.api().auth().when().get(s.path(session, "")).then().statusCode(200)
                    .body("data.meeting_display_name", equalTo(s.name() + " review"))
                    .body("data.associated_id", equalTo("room-" + s.name()))
                    .body("data.status", equalTo("ENDED"))
                    .body("data.ended_at", equalTo(at(s.endAt()).toString()))
                    .body("data.minutes_consumed", equalTo((float) (s.leaveAt() - 1)))
                    .body("data.max_concurrent_participants", equalTo(1));
            s.api().auth().when().get(s.api().sessions()).then().statusCode(200)
                    .body("paging.total_count", equalTo(1))
                    .body("data.sessions.meeting_display_name", contains(s.name() + " review"));
            s.api().auth().queryParam("include_peer_events", "true").when().get(s.path(session, "/participants"))
                    .then().statusCode(200)
                    .body("data.participants.display_name", contains(s.name() + " host"))
                    .body("data.participants[0].left_at", equalTo(at(s.leaveAt()).toString()))
                    .body("data.participants[0].peer_events.event_name",
                            contains("PEER_CREATED", "PEER_JOINING", "PEER_LEAVING"));
            s.api().auth().when().get(s.api().sessions() + "/peer-report/" + peer).then().statusCode(200)
                    .body("data.session_id", equalTo(session))
                    .body("data.display_name", equalTo(s.name() + " host"))
                    .body("data.peer_report.metadata.sdk_name", equalTo(s.name()))
                    .body("data.peer_report.quality.mos", equalTo(s.leaveAt()));

            String chat = s.api().download(session, "chat");
            List<List<String>> rows = Csv.parse(chat);
            assertEquals(2, rows.size(), chat);
            assertEquals(List.of(message, peer, session, "room-" + s.name(), s.name() + " host"),
                    rows.get(1).subList(0, 5));
            assertEquals("Hello from " + s.name(), rows.get(1).get(8));

            String transcript = s.api().download(session, "transcript");
            assertTrue(transcript.contains("The " + s.name() + " launch"), transcript);
            assertFalse(transcript.contains(other.name()), transcript);

            String summary = s.api().download(session, "summary");
            assertTrue(summary.startsWith("Summary of " + s.name() + " review\n"), summary);
            assertTrue(summary.contains("The " + s.name() + " launch"), summary);
            assertFalse(summary.contains(other.name()), summary);
        }
    }

    @Test
    void a_tenant_reusing_another_tenants_ids_cannot_reach_the_others_rows() {
        RealtimeApi owner = new RealtimeApi();
        RealtimeApi twin = new RealtimeApi(TestTokens.newTenant(), owner.app);
        String session = UUID.randomUUID().toString();
        String peer = UUID.randomUUID().toString();
        Instant startedAt = at(0);
        owner.auth().body(Map.of("id", session, "associated_id", "m", "started_at", startedAt.toString())).when()
                .post(owner.sessions()).then().statusCode(201);
        owner.join(session, Map.of("peer_id", peer, "display_name", "Owner", "joined_at", at(1).toString()));

        // The twin has no session with this id yet: everything about it is a 404, not the owner's row.
        twin.leave(session, peer, at(2)).statusCode(404);
        twin.end(session, at(2)).statusCode(404);
        twin.auth().body(Map.of("metadata", Map.of())).when().put(twin.sessions() + "/peer-report/" + peer).then()
                .statusCode(404);
        twin.auth().when().post(twin.sessions() + "/" + session + "/summary").then().statusCode(404);

        twin.auth().body(Map.of("id", session, "associated_id", "m", "started_at", startedAt.toString())).when()
                .post(twin.sessions()).then().statusCode(201);
        twin.join(session, Map.of("peer_id", peer, "display_name", "Twin", "joined_at", at(1).toString()));
        twin.end(session, at(3)).statusCode(200);

        owner.auth().when().get(owner.sessions() + "/" + session).then()
                .body("data.status", equalTo("LIVE"))
                .body("data.live_participants", equalTo(1));
        owner.auth().when().get(owner.sessions() + "/" + session + "/participants/" + peer).then()
                .body("data.participant.display_name", equalTo("Owner"))
                .body("data.participant.left_at", nullValue());
    }
}
