package dev.sessionledger.sessions.realtime.participant;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.sessions.realtime.RealtimeApi;
import dev.sessionledger.sessions.realtime.RecordedStatements;

@QuarkusTest
@ServiceTest
class ParticipantListTest {

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    /** Ada stays 0-5 then rejoins 7-8 (two peers, one person), Bob 1-2, Cy 3-9. */
    private static Meeting meeting() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "Standup", at(0));
        String ada1 = api.join(session, Map.of("display_name", "Ada", "custom_participant_id", "cp-ada",
                "joined_at", at(0).toString()));
        String bob = api.join(session, Map.of("display_name", "Bob", "user_id", "u-bob", "joined_at", at(1).toString()));
        api.leave(session, bob, at(2)).statusCode(200);
        String cy = api.join(session, Map.of("display_name", "Cy", "joined_at", at(3).toString()));
        api.leave(session, ada1, at(5)).statusCode(200);
        String ada2 = api.join(session, Map.of("display_name", "Ada L.", "custom_participant_id", "cp-ada",
                "joined_at", at(7).toString()));
        api.leave(session, ada2, at(8)).statusCode(200);
        api.end(session, at(9)).statusCode(200);
        return new Meeting(api, session, ada1, bob, cy, ada2);
    }

    private record Meeting(RealtimeApi api, String session, String ada1, String bob, String cy, String ada2) {
        String participants() {
            return api.sessions() + "/" + session + "/participants";
        }
    }

    @Test
    void sorts_by_joined_at_and_duration_in_both_directions() {
        Meeting m = meeting();
        m.api().auth().when().get(m.participants()).then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.participants.id", contains(m.ada1(), m.bob(), m.cy(), m.ada2()));
        m.api().auth().queryParam("sort_order", "DESC").when().get(m.participants()).then()
                .body("data.participants.id", contains(m.ada2(), m.cy(), m.bob(), m.ada1()));
        m.api().auth().queryParam("sort_by", "duration").queryParam("sort_order", "DESC").when().get(m.participants())
                .then()
                .body("data.participants.id", contains(m.cy(), m.ada1(), m.ada2(), m.bob()))
                .body("data.participants.duration", contains(6.0f, 5.0f, 1.0f, 1.0f));
    }

    /**
     * Peers still inside have no stored duration: they sort by how long they have been in so far,
     * the figure the list shows, among those who left. A (30 live minutes) and B (25) have ids that
     * would put them the wrong way round if they tied; D left after 27 minutes, C after 15.
     */
    @Test
    void sorts_peers_still_inside_by_their_live_duration_among_those_who_left() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "Live", now.minus(Duration.ofMinutes(60)));
        String a = "00000000-0000-4000-8000-00000000000a";
        String b = "00000000-0000-4000-8000-00000000000b";
        String c = "00000000-0000-4000-8000-00000000000c";
        String d = "00000000-0000-4000-8000-00000000000d";
        api.join(session, Map.of("peer_id", a, "display_name", "A", "joined_at", now.minus(Duration.ofMinutes(30)).toString()));
        api.join(session, Map.of("peer_id", b, "display_name", "B", "joined_at", now.minus(Duration.ofMinutes(25)).toString()));
        api.join(session, Map.of("peer_id", c, "display_name", "C", "joined_at", now.minus(Duration.ofMinutes(40)).toString()));
        api.join(session, Map.of("peer_id", d, "display_name", "D", "joined_at", now.minus(Duration.ofMinutes(50)).toString()));
        api.leave(session, c, now.minus(Duration.ofMinutes(25))).statusCode(200);
        api.leave(session, d, now.minus(Duration.ofMinutes(23))).statusCode(200);
        String path = api.sessions() + "/" + session + "/participants";

        List<Float> durations = api.auth().queryParam("sort_by", "duration").queryParam("sort_order", "DESC").when()
                .get(path).then().statusCode(200)
                .body("data.participants.id", contains(a, d, b, c))
                .extract().path("data.participants.duration");
        assertTrue(durations.get(0) >= 30.0f && durations.get(0) < 31.0f, durations.toString());
        assertEquals(List.of(27.0f), durations.subList(1, 2));
        assertTrue(durations.get(2) >= 25.0f && durations.get(2) < 26.0f, durations.toString());
        assertEquals(List.of(15.0f), durations.subList(3, 4));
        api.auth().queryParam("sort_by", "duration").when().get(path).then()
                .body("data.participants.id", contains(c, b, d, a));
        api.auth().queryParam("sort_by", "duration").queryParam("sort_order", "DESC").queryParam("per_page", 2)
                .queryParam("page_no", 2).when().get(path).then()
                .body("data.participants.id", contains(b, c));
        api.auth().queryParam("sort_by", "duration").queryParam("sort_order", "ASC").queryParam("per_page", 3)
                .queryParam("page_no", 2).when().get(path).then()
                .body("data.participants.id", contains(a));
        api.auth().queryParam("sort_by", "duration").queryParam("search", "a").when().get(path).then()
                .body("data.participants.id", contains(a));
    }

    @Test
    void a_page_of_peers_is_read_without_counting_them_as_the_list_shows_no_total() {
        Meeting m = meeting();
        for (String view : new String[] {"raw", "consolidated"}) {
            List<String> sent = statements.during(() -> m.api().auth().queryParam("view", view)
                    .queryParam("per_page", 2).when().get(m.participants()).then()
                    .statusCode(200).body("data.participants", hasSize(2)).body("paging", nullValue()));
            // The session's lookup, then the page.
            assertEquals(2, sent.size(), view + ": " + sent);
        }
    }

    @Test
    void pages_with_page_no_and_per_page() {
        Meeting m = meeting();
        m.api().auth().queryParam("per_page", 3).queryParam("page_no", 2).when().get(m.participants()).then()
                .body("data.participants.id", contains(m.ada2()));
        m.api().auth().queryParam("per_page", 2).when().get(m.participants()).then()
                .body("data.participants.id", contains(m.ada1(), m.bob()));
    }

    @Test
    void searches_display_name_user_id_and_custom_participant_id() {
        Meeting m = meeting();
        m.api().auth().queryParam("search", "ada").when().get(m.participants()).then()
                .body("data.participants.id", contains(m.ada1(), m.ada2()));
        m.api().auth().queryParam("search", "U-BOB").when().get(m.participants()).then()
                .body("data.participants.id", contains(m.bob()));
        m.api().auth().queryParam("search", "nobody").when().get(m.participants()).then()
                .body("data.participants", hasSize(0));
    }

    @Test
    void the_consolidated_view_adds_up_a_persons_stays() {
        Meeting m = meeting();
        m.api().auth().queryParam("view", "consolidated").when().get(m.participants()).then().statusCode(200)
                .body("data.participants", hasSize(3))
                .body("data.participants.id", contains(m.ada1(), m.bob(), m.cy()))
                .body("data.participants[0].custom_participant_id", equalTo("cp-ada"))
                .body("data.participants[0].display_name", equalTo("Ada L."))
                .body("data.participants[0].duration", equalTo(6.0f))
                .body("data.participants[0].joined_at", equalTo(at(0).toString()))
                .body("data.participants[0].left_at", equalTo(at(8).toString()));
        m.api().auth().queryParam("view", "consolidated").queryParam("sort_by", "duration")
                .queryParam("include_peer_events", "true").when().get(m.participants()).then()
                .body("data.participants.id", contains(m.bob(), m.ada1(), m.cy()))
                .body("data.participants[1].peer_events", hasSize(6));
    }

    @Test
    void peer_events_come_with_the_list_when_asked() {
        Meeting m = meeting();
        m.api().auth().when().get(m.participants()).then()
                .body("data.participants[0].peer_events", nullValue());
        m.api().auth().queryParam("include_peer_events", "true").when().get(m.participants()).then()
                .body("data.participants[1].peer_events.event_name",
                        contains("PEER_CREATED", "PEER_JOINING", "PEER_LEAVING"))
                .body("data.participants[1].peer_events[2].created_at", equalTo(at(2).toString()));
    }

    @Test
    void bad_list_parameters_are_400s_naming_the_parameter() {
        Meeting m = meeting();
        Map.of("sort_by", "name", "view", "pretty", "include_peer_events", "yes", "per_page", "-1")
                .forEach((name, value) -> m.api().auth().queryParam(name, value).when().get(m.participants()).then()
                        .statusCode(400)
                        .body("error.message", containsString(name)));
    }
}
