package dev.sessionledger.sessions.realtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.EmbeddedPostgresResource;
import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * EXPLAIN of the RealtimeKit list and download queries: each filter and order runs from an index
 * without a sort step, with sequential scans priced out so the tiny test tables cannot hide a missing index.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestTokens.class)
class RealtimeIndexUseTest {

    private static final String SESSION = "'00000000-0000-7000-8000-000000000000'";

    @Inject
    DataSource dataSource;

    private String explain(String sql) throws Exception {
        return QueryPlans.explain(dataSource, sql);
    }

    private void assertServedBy(String index, String sql) throws Exception {
        QueryPlans.assertServedBy(dataSource, index, sql);
    }

    @Test
    void sessions_sorted_by_created_at_or_minutes_come_from_their_indexes_in_both_orders() throws Exception {
        for (String direction : new String[] {"asc", "desc"}) {
            assertServedBy("rtk_session_app_created_idx", "select * from rtk_session where tenant_id = 't'"
                    + " and app_id = 'a' order by created_at " + direction + ", id " + direction + " offset 40 limit 20");
            assertServedBy("rtk_session_app_minutes_idx", "select * from rtk_session where tenant_id = 't'"
                    + " and app_id = 'a' order by minutes_consumed " + direction + ", id " + direction + " limit 20");
        }
    }

    @Test
    void the_status_and_meeting_filters_are_served_by_index() throws Exception {
        assertServedBy("rtk_session_app_status_idx", "select * from rtk_session where tenant_id = 't' and app_id = 'a'"
                + " and status = 'LIVE' order by created_at desc, id desc limit 20");
        assertServedBy("rtk_session_app_meeting_idx", "select * from rtk_session where tenant_id = 't' and app_id = 'a'"
                + " and associated_id = 'm' order by created_at desc, id desc limit 20");
    }

    @Test
    void participants_sorted_by_joined_at_come_from_their_index_and_by_duration_from_one_sessions_rows()
            throws Exception {
        for (String direction : new String[] {"asc", "desc"}) {
            assertServedBy("rtk_participant_session_joined_idx", "select * from rtk_participant where tenant_id = 't'"
                    + " and session_id = " + SESSION + " order by joined_at " + direction + ", id " + direction
                    + " limit 20");
            // A live duration grows with the clock: the index finds the session's peers, a sort orders them.
            String plan = explain("select * from rtk_participant where tenant_id = 't' and session_id = " + SESSION
                    + " order by coalesce(duration_minutes, round(extract(epoch from (greatest(now(), joined_at)"
                    + " - joined_at)) / 60, 2)) " + direction + ", id " + direction + " limit 20");
            assertTrue(plan.contains("rtk_participant_session_joined_idx") && plan.contains("Index Cond"), plan);
        }
    }

    @Test
    void downloads_and_peer_events_stream_in_index_order() throws Exception {
        assertServedBy("rtk_chat_message_session_idx", "select * from rtk_chat_message where tenant_id = 't'"
                + " and session_id = " + SESSION + " order by created_at, id");
        assertServedBy("rtk_transcript_segment_session_idx", "select * from rtk_transcript_segment where tenant_id = 't'"
                + " and session_id = " + SESSION + " order by start_ms, id");
        assertServedBy("rtk_peer_event_peer_idx", "select * from rtk_peer_event where tenant_id = 't'"
                + " and peer_id = " + SESSION + " order by created_at, id");
    }
}
