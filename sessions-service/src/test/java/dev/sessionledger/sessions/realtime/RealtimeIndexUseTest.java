package dev.sessionledger.sessions.realtime;

import static dev.sessionledger.commons.testing.QueryPlans.assertPlanServedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * EXPLAIN of the statements the RealtimeKit lists send, recorded as a request runs: each filter and
 * order runs from its index, with sequential scans priced out so the tiny test tables cannot hide
 * a missing index ({@link QueryPlans}).
 */
@QuarkusTest
@ServiceTest
class RealtimeIndexUseTest {

    @Inject
    DataSource dataSource;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    /** The plan of the one statement the request sent whose text holds every one of {@code parts}. */
    private String planOf(Runnable request, String... parts) throws Exception {
        List<String> sent = statements.during(request).stream()
                .filter(sql -> List.of(parts).stream().allMatch(p -> sql.toLowerCase(Locale.ROOT).contains(p)))
                .distinct().toList();
        assertEquals(1, sent.size(), "statements holding " + List.of(parts) + ": " + sent);
        return QueryPlans.explain(dataSource, sent.get(0));
    }

    /**
     * Asserts the plan reads {@code table} through an index whose condition binds {@code key}, with no
     * sort and no sequential scan. Which of the indexes holding the key the planner takes for one row
     * of the tiny test tables is a toss-up; on a realistic table it is the primary key. The table
     * may be aliased or not: a plain read of one table's rows names it alone.
     */
    private static void assertReadByKey(String plan, String table, String key) {
        assertTrue(Pattern.compile("Index (Only )?Scan using \\w+ on " + table + "\\b[^\\n]*\\n\\s+Index Cond: \\([^\\n]*"
                + Pattern.quote(key)).matcher(plan).find(), plan);
        assertFalse(plan.contains("Seq Scan") || plan.contains("Sort"), plan);
    }

    private static Runnable get(RequestSpecification request, String path) {
        return () -> request.when().get(path).then().statusCode(200);
    }

    @Test
    void sessions_sorted_by_created_at_or_minutes_come_from_their_indexes_in_both_orders() throws Exception {
        RealtimeApi api = new RealtimeApi();
        for (String direction : List.of("ASC", "DESC")) {
            assertPlanServedBy("rtk_session_app_created_idx", planOf(get(api.auth().queryParam("sort_order", direction)
                    .queryParam("page_no", 3), api.sessions()), "from rtk_session", "order by"));
            assertPlanServedBy("rtk_session_app_minutes_idx", planOf(get(api.auth().queryParam("sort_order", direction)
                    .queryParam("sort_by", "minutesConsumed"), api.sessions()), "from rtk_session", "order by"));
        }
    }

    @Test
    void the_status_and_meeting_filters_are_served_by_index() throws Exception {
        RealtimeApi api = new RealtimeApi();
        assertPlanServedBy("rtk_session_app_status_idx", planOf(get(api.auth().queryParam("status", "LIVE"),
                api.sessions()), "from rtk_session", "order by"));
        assertPlanServedBy("rtk_session_app_meeting_idx", planOf(get(api.auth().queryParam("associated_id", "m"),
                api.sessions()), "from rtk_session", "order by"));
    }

    @Test
    void participants_sorted_by_joined_at_come_from_their_index_and_by_duration_from_one_sessions_rows()
            throws Exception {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", RealtimeApi.at(0));
        String participants = api.sessions() + "/" + session + "/participants";
        for (String direction : List.of("ASC", "DESC")) {
            assertPlanServedBy("rtk_participant_session_joined_idx", planOf(get(api.auth()
                    .queryParam("sort_order", direction), participants), "from rtk_participant", "order by"));
            // A live duration grows with the clock: the index finds the session's peers, a sort orders them.
            String plan = planOf(get(api.auth().queryParam("sort_order", direction).queryParam("sort_by", "duration"),
                    participants), "from rtk_participant", "order by");
            assertTrue(plan.contains("rtk_participant_session_joined_idx") && plan.contains("Index Cond"), plan);
        }
    }

    @Test
    void the_whole_apps_total_is_read_by_its_key_and_a_live_pages_open_stays_from_the_session_index()
            throws Exception {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", RealtimeApi.at(0));
        api.join(session, "Ada", RealtimeApi.at(1));
        assertPlanServedBy("rtk_app_session_count_pkey", planOf(get(api.auth(), api.sessions()),
                "from rtk_app_session_count"));
        assertPlanServedBy("rtk_participant_session_joined_idx", planOf(get(api.auth(), api.sessions()),
                "from rtk_participant", "left_at is null"));
        assertReadByKey(planOf(get(api.auth(), api.sessions() + "/" + session), "from rtk_session"), "rtk_session",
                "(id = $3)");
        assertPlanServedBy("rtk_participant_session_joined_idx", planOf(get(api.auth(), api.sessions() + "/"
                + session), "from rtk_participant", "left_at is null"));
    }

    @Test
    void a_list_filtered_by_status_time_or_participants_plans_for_its_values_and_no_other_does() {
        RealtimeApi api = new RealtimeApi();
        api.start("m", "t", RealtimeApi.at(0));
        Map<String, Boolean> planned = new LinkedHashMap<>();
        planned.put("status=LIVE", true);
        planned.put("start_time=" + RealtimeApi.at(0), true);
        planned.put("end_time=" + RealtimeApi.at(0), true);
        planned.put("participants=2:", true);
        planned.put("associated_id=m", false);
        planned.put("search=t", false);
        planned.put("sort_by=minutesConsumed", false);
        planned.put("per_page=5", false);
        planned.forEach((query, custom) -> {
            String[] parameter = query.split("=", 2);
            List<String> sent = statements.during(get(api.auth().queryParam(parameter[0], parameter[1]), api.sessions()));
            assertEquals(custom, sent.stream().anyMatch(sql -> sql.contains("plan_cache_mode")), query + ": " + sent);
        });
    }

    @Test
    void a_peer_of_the_app_and_its_report_are_read_by_their_keys() throws Exception {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", RealtimeApi.at(0));
        String peer = api.join(session, "Ada", RealtimeApi.at(1));
        String report = api.sessions() + "/peer-report/" + peer;
        // The peer by its id, and its session's app checked in the same statement, through the session's key.
        String plan = planOf(get(api.auth(), report), "from rtk_participant");
        assertReadByKey(plan, "rtk_participant", "(id = $2)");
        assertTrue(plan.contains("using rtk_session_pkey on rtk_session"), plan);
        assertPlanServedBy("rtk_peer_report_pkey", planOf(get(api.auth(), report), "from rtk_peer_report"));
        assertReadByKey(planOf(get(api.auth(), api.sessions() + "/" + session + "/participants/" + peer),
                "from rtk_participant"), "rtk_participant", "(id = $3)");
    }

    @Test
    void a_peers_events_come_in_index_order() throws Exception {
        RealtimeApi api = new RealtimeApi();
        String session = api.start("m", "t", RealtimeApi.at(0));
        String peer = api.join(session, "Ada", RealtimeApi.at(1));
        assertPlanServedBy("rtk_peer_event_peer_idx", planOf(get(api.auth().queryParam("include_peer_events", "true"),
                api.sessions() + "/" + session + "/participants/" + peer), "from rtk_peer_event"));
    }
}
