package dev.sessionledger.threads.participants;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.auth.Caller;
import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.threads.participants.RecordingDataSource.Sent;
import dev.sessionledger.threads.query.CursorCodec;

/**
 * EXPLAIN of the statements the participant list actually sends, captured from its connection
 * while it pages one thread or a whole tenant by each field in each direction: every page read
 * comes from the index migration V2 names for its sort, with no sort step. These lists run their
 * generic plans, which is what is EXPLAINed, with sequential and bitmap scans priced out so that
 * the tiny test tables cannot hide a missing index. A page from a cursor reads from the cursor's
 * own row, so the one-row probe behind it (sent only when that row is gone) is one of these same
 * statements, read the other way.
 */
@QuarkusTest
@ServiceTest
class ParticipantIndexUseTest {

    private static final List<String> DIRECTIONS = List.of("asc", "desc", "asc_nulls_first", "asc_nulls_last",
            "desc_nulls_first", "desc_nulls_last");

    /** The index serving each sort field within one thread, and over a whole tenant. */
    private static final Map<String, String[]> INDEXES = Map.of(
            "id", new String[] {"thread_participant_thread_idx", "thread_participant_tenant_idx"},
            "threadId", new String[] {"thread_participant_thread_idx", "thread_participant_thread_idx"},
            "userId", new String[] {"thread_participant_thread_user_idx", "thread_participant_tenant_user_idx"},
            "agentId", new String[] {"thread_participant_thread_agent_idx", "thread_participant_tenant_agent_idx"},
            "swarmId", new String[] {"thread_participant_thread_swarm_idx", "thread_participant_tenant_swarm_idx"},
            "externalIdentity",
            new String[] {"thread_participant_thread_external_idx", "thread_participant_tenant_external_idx"},
            "displayName", new String[] {"thread_participant_thread_name_idx", "thread_participant_tenant_name_idx"},
            "joinedAt", new String[] {"thread_participant_thread_joined_idx", "thread_participant_tenant_joined_idx"},
            "lastReadAt", new String[] {"thread_participant_thread_read_at_idx", "thread_participant_tenant_read_at_idx"},
            "lastReadMessageId",
            new String[] {"thread_participant_thread_read_msg_idx", "thread_participant_tenant_read_msg_idx"});

    /**
     * The per-thread unique index of each identity: among a thread's rows that have the identity it
     * holds one row per value, so it gives the sort's order too, with nothing for the id to break.
     */
    private static final Map<String, String> UNIQUE = Map.of(
            "userId", "thread_participant_user_uq",
            "agentId", "thread_participant_agent_uq",
            "swarmId", "thread_participant_swarm_uq",
            "externalIdentity", "thread_participant_external_uq");

    /** A plan step that sorts all its input, as opposed to an incremental sort of presorted groups. */
    private static final Pattern FULL_SORT = Pattern.compile("(?m)^\\s*(->\\s+)?Sort\\s+\\(");

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    CursorCodec cursors;

    private RecordingDataSource recorded;
    private String tenant;
    private UUID thread;
    private ThreadParticipantService service;

    @BeforeEach
    void wire() throws SQLException {
        tenant = TestTokens.newTenant();
        thread = PrefixedId.newUuid();
        update("insert into thread (id, tenant_id, title, created_by, created_at) values (?, ?, 't', 'fixture', now())",
                thread, tenant);
        UUID other = PrefixedId.newUuid();
        update("insert into thread (id, tenant_id, title, created_by, created_at) values (?, ?, 'o', 'fixture', now())",
                other, tenant);
        // Enough rows, with statistics, that the planner prices reading the table as it would a real one.
        for (UUID in : List.of(thread, other)) {
            update("insert into thread_participant (id, tenant_id, thread_id, user_id, agent_id, swarm_id,"
                    + " external_identity, display_name, joined_at, last_read_message_id, last_read_at)"
                    + " select gen_random_uuid(), ?, ?, case when g % 4 = 0 then 'u' || g end,"
                    + " case when g % 4 = 1 then 'a' || g end, case when g % 4 = 2 then 's' || g end,"
                    + " case when g % 4 = 3 then 'e' || g end, case when g % 3 > 0 then 'n' || (g % 50) end,"
                    + " now() - g * interval '1 minute', case when g % 2 = 0 then 'm' || (g % 40) end,"
                    + " case when g % 2 = 0 then now() - (g % 40) * interval '1 hour' end"
                    + " from generate_series(1, 2000) g", tenant, in);
        }
        update("analyze thread_participant");
        recorded = new RecordingDataSource(dataSource);
        ParticipantReads reads = new ParticipantReads();
        reads.dataSource = recorded.dataSource();
        service = new ThreadParticipantService();
        service.reads = reads;
        service.entityManager = entityManager;
        service.cursors = cursors;
        service.clock = Clock.systemUTC();
    }

    @Test
    void every_sort_within_a_thread_pages_from_the_threads_index_for_it() throws SQLException {
        for (String field : INDEXES.keySet()) {
            for (String direction : DIRECTIONS) {
                assertEachServedBy(INDEXES.get(field)[0], field, direction, thread.toString());
            }
        }
    }

    @Test
    void every_sort_over_a_tenant_pages_from_the_tenants_index_for_it() throws SQLException {
        for (String field : INDEXES.keySet()) {
            for (String direction : DIRECTIONS) {
                assertEachServedBy(INDEXES.get(field)[1], field, direction, null);
            }
        }
    }

    /**
     * Reads the first page, the one after it and the one before that, and EXPLAINs every list
     * statement sent. A read with the bulk of the rows ahead of it (the first page, the page after
     * it) comes from the sort's index in its order, without a sort. The page before reaches back
     * to the start of the rows, where the planner rightly expects a row or two and may sort them,
     * so it needs only to start at the cursor in an index. Neither page from a cursor probes: each
     * reads its cursor's own row first.
     */
    private void assertEachServedBy(String index, String field, String direction, String threadId)
            throws SQLException {
        String context = field + " " + direction + (threadId == null ? " over the tenant" : " in a thread");
        ParticipantSlice first = list(field, direction, threadId, null, null);
        List<Sent> firstReads = reads();
        String forward = order(firstReads.get(0));
        ParticipantSlice second = list(field, direction, threadId, first.endCursor(), null);
        List<Sent> afterReads = reads();
        list(field, direction, threadId, null, second.startCursor());
        List<Sent> beforeReads = reads();
        assertTrue(afterReads.stream().allMatch(s -> order(s).equals(forward)), context + ": a probe before the page");
        assertTrue(beforeReads.stream().noneMatch(s -> order(s).equals(forward)), context + ": a probe after the page");

        List<Sent> pages = new ArrayList<>(firstReads);
        pages.addAll(afterReads);
        List<Sent> bounded = beforeReads;
        for (Sent read : pages) {
            String plan = explain(read);
            String at = context + ":\n" + read.sql() + "\n" + plan;
            if (threadId != null && UNIQUE.containsKey(field) && uses(plan, UNIQUE.get(field))) {
                // Only single-row groups of the presorted key are left for the incremental sort.
                assertFalse(FULL_SORT.matcher(plan).find(), at);
            } else {
                assertTrue(uses(plan, index), at);
                assertFalse(plan.contains("Sort"), at);
            }
        }
        for (Sent read : bounded) {
            String plan = explain(read);
            assertTrue(plan.contains("Index Cond") && !plan.contains("Seq Scan"),
                    context + ", towards the start:\n" + read.sql() + "\n" + plan);
        }
    }

    private static boolean uses(String plan, String index) {
        return plan.contains(" using " + index + " ") || plan.contains(" on " + index + " ");
    }

    /** The list statements sent since the last call, emptying the record. */
    private List<Sent> reads() {
        List<Sent> reads = recorded.drain().stream().filter(s -> s.sql().contains(" ORDER BY ")).toList();
        assertFalse(reads.isEmpty(), "no list statement was sent");
        return reads;
    }

    private static String order(Sent read) {
        return read.sql().substring(read.sql().indexOf(" ORDER BY "));
    }

    private ParticipantSlice list(String field, String direction, String threadId, String after, String before) {
        ParticipantListParams params = new ParticipantListParams();
        params.limit = "1";
        params.orderBy = "[{\"" + field + "\":\"" + direction + "\"}]";
        params.threadId = threadId;
        params.after = after;
        params.before = before;
        return service.list(admin(), params.toRequest());
    }

    private Caller admin() {
        String tenantOfCaller = tenant;
        return new Caller() {
            @Override
            public String tenant() {
                return tenantOfCaller;
            }

            @Override
            public boolean isAdmin() {
                return true;
            }
        };
    }

    /** The generic plan, which these lists run. */
    private String explain(Sent read) throws SQLException {
        return QueryPlans.explain(dataSource, read.sql());
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
