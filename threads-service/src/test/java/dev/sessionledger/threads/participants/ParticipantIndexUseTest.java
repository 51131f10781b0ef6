package dev.sessionledger.threads.participants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.auth.Caller;
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
        service = ServiceFixtures.service(recorded, entityManager, cursors);
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

    @Test
    void the_membership_check_and_the_get_are_served_by_their_indexes() throws SQLException {
        UUID participant = PrefixedId.newUuid();
        update("insert into thread_participant (id, tenant_id, thread_id, user_id, joined_at)"
                + " values (?, ?, ?, 'me', now())", participant, tenant, thread);
        recorded.drain();
        assertTrue(service.reads.isMember(tenant, thread, "me"));
        assertFalse(service.reads.isMember(tenant, thread, "someone else"));
        assertTrue(service.reads.findInTenant(tenant, participant).isPresent());
        List<Sent> sent = recorded.drain();
        // Either index of the user in the thread finds the one row, as either of the participant's id does.
        assertServedByEither(sent.get(0).sql(), "thread_participant_thread_user_idx", "thread_participant_user_uq");
        assertServedByEither(sent.get(2).sql(), "thread_participant_pkey", "thread_participant_tenant_idx");
    }

    /**
     * A filtered page runs with custom plans: which index reads it best depends on how many rows the
     * filter matches (measured: the generic plan reads every match from the field's index and sorts
     * them). The plan made for its values reads an index of the thread, with no sort of all matches.
     */
    @Test
    void a_filtered_page_is_planned_for_its_values() throws SQLException {
        ParticipantListParams params = new ParticipantListParams();
        params.limit = "20";
        params.threadId = thread.toString();
        params.filter = "{\"agentId\":{\"isNull\":false}}";
        service.list(admin(), params.toRequest());
        Sent page = reads().get(0);
        assertEquals("force_custom_plan", page.planMode());
        String plan = customPlan(page);
        assertTrue(plan.contains("'" + thread + "'::uuid") && plan.contains("Index Cond"), plan);
        assertFalse(plan.contains("Seq Scan") || FULL_SORT.matcher(plan).find(), plan);
    }

    /** The plan made for the statement's values, as the narrowed lists run it. */
    private String customPlan(Sent read) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local plan_cache_mode = force_custom_plan");
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + read.sql())) {
                for (int i = 0; i < read.params().size(); i++) {
                    explain.setObject(i + 1, read.params().get(i));
                }
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            }
            c.rollback();
            return plan.toString();
        }
    }

    private void assertServedByEither(String sql, String index, String other) throws SQLException {
        String plan = QueryPlans.explain(dataSource, sql);
        assertTrue(plan.contains(" using " + index + " ") || plan.contains(" using " + other + " "), plan);
        assertTrue(plan.contains("Index Cond") && !plan.contains("Seq Scan") && !plan.contains("Sort"), plan);
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

    /** The generic plan, which these lists run. */
    private String explain(Sent read) throws SQLException {
        return QueryPlans.explain(dataSource, read.sql());
    }

    private Caller admin() {
        return ServiceFixtures.admin(tenant);
    }

    private void update(String sql, Object... params) throws SQLException {
        ServiceFixtures.update(dataSource, sql, params);
    }
}
