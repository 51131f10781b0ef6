package dev.sessionledger.sessions.realtime;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import dev.sessionledger.commons.testing.ServiceTest;

/**
 * Every RealtimeKit list and get reads its rows into records: Hibernate loads no entity for the
 * request, so none is tracked or dirty-checked, and a page's nested data (live stays, peer events)
 * comes from one statement per page, whatever the page's size.
 */
@QuarkusTest
@ServiceTest
class RealtimeReadsTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    /** A live session with Ada inside and Bob gone, chat, transcript, a summary and Ada's report. */
    private record Meeting(RealtimeApi api, String session, String ada, String bob) {

        String path(String tail) {
            return api.sessions() + "/" + session + tail;
        }
    }

    private static Meeting meeting() {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "Planning", at(0));
        String ada = api.join(session, "Ada", at(1));
        String bob = api.join(session, "Bob", at(2));
        api.leave(session, bob, at(5)).statusCode(200);
        api.chat(session, List.of(Map.of("participant_id", ada, "payload", "Hello there"))).statusCode(201);
        api.transcript(session, List.of(Map.of("participant_id", ada, "start_ms", 1000, "end_ms", 2000,
                "text", "We ship the billing service in April."))).statusCode(201);
        api.auth().when().post(api.sessions() + "/" + session + "/summary").then().statusCode(200);
        api.auth().body(Map.of("metadata", Map.of("device_info", Map.of("os", "linux")), "quality", Map.of()))
                .when().put(api.sessions() + "/peer-report/" + ada).then().statusCode(200);
        return new Meeting(api, session, ada, bob);
    }

    private Statistics statistics() {
        return entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }

    /**
     * Runs the request and asserts it loaded no entity; returns how many statements it sent, Hibernate's
     * and the plain reads alike ({@link RecordedStatements}).
     */
    private long readsRecords(String what, Runnable request) {
        Statistics statistics = statistics();
        statistics.clear();
        List<String> sent = statements.during(request);
        assertEquals(0, statistics.getEntityLoadCount(), what + " loaded entities");
        assertEquals(0, statistics.getEntityFetchCount(), what + " fetched entities");
        return sent.size();
    }

    private static Runnable get(RequestSpecification request, String path) {
        return () -> request.when().get(path).then().statusCode(200);
    }

    @Test
    void the_session_list_filtered_or_not_and_a_session_read_no_entity() {
        Meeting m = meeting();
        RealtimeApi api = m.api();
        api.start("m-2", "Retro", at(10));
        // The page, the join times of its live sessions' peers, the kept total.
        assertEquals(3, readsRecords("the session list", get(api.auth(), api.sessions())));
        // The page, the live stays, the count (the custom plans' setting is a native statement too).
        readsRecords("a filtered session list", get(api.auth().queryParam("status", "LIVE"), api.sessions()));
        readsRecords("a search", get(api.auth().queryParam("search", "plan"), api.sessions()));
        readsRecords("the list by minutes", get(api.auth().queryParam("sort_by", "minutesConsumed"), api.sessions()));
        // The session and the join times of the peers still inside.
        assertEquals(2, readsRecords("a live session", get(api.auth(), m.path(""))));
        api.end(m.session(), at(30)).statusCode(200);
        assertEquals(1, readsRecords("an ended session", get(api.auth(), m.path(""))));
    }

    @Test
    void participant_lists_and_gets_read_no_entity_and_one_statement_per_page_for_their_events() {
        Meeting m = meeting();
        RealtimeApi api = m.api();
        String participants = m.path("/participants");
        Function<RequestSpecification, RequestSpecification> withEvents = r -> r.queryParam("include_peer_events",
                "true");
        // The session's existence, the page, the page's events.
        assertEquals(3, readsRecords("the participant list", get(withEvents.apply(api.auth()), participants)));
        assertEquals(3, readsRecords("the participant list by duration", get(withEvents.apply(api.auth())
                .queryParam("sort_by", "duration"), participants)));
        assertEquals(3, readsRecords("the consolidated view", get(withEvents.apply(api.auth())
                .queryParam("view", "consolidated"), participants)));
        readsRecords("a search of participants", get(api.auth().queryParam("search", "ad"), participants));
        assertEquals(3, readsRecords("a participant", get(withEvents.apply(api.auth()), participants + "/" + m.bob())));
        // The peer with its app checked, its events, its report.
        assertEquals(3, readsRecords("a peer report", get(withEvents.apply(api.auth()),
                api.sessions() + "/peer-report/" + m.ada())));
        readsRecords("a narrowed peer report", get(api.auth().queryParam("filters", "device_info"),
                api.sessions() + "/peer-report/" + m.ada()));
    }

    @Test
    void download_links_and_downloads_read_no_entity() {
        Meeting m = meeting();
        RealtimeApi api = m.api();
        for (String kind : List.of("chat", "transcript", "summary")) {
            String[] url = new String[1];
            readsRecords("the " + kind + " link", () -> url[0] = api.downloadUrl(m.session(), kind));
            readsRecords("the " + kind + " download", get(given(), RealtimeApi.local(url[0])));
        }
    }
}
