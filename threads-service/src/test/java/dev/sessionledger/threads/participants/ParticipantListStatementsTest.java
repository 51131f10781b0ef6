package dev.sessionledger.threads.participants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.threads.participants.RecordingDataSource.Sent;
import dev.sessionledger.threads.query.CursorCodec;

/**
 * The statements a participant list sends, recorded on its connection: a page from a cursor is one
 * read like the first page (the probe behind the cursor only when its row is gone, with the same
 * answer), a counted list counts only for its first page, a narrowed list's page is read with a plan
 * made for its values while the rest keep their generic plans.
 */
@QuarkusTest
@ServiceTest
class ParticipantListStatementsTest {

    private static final String AGENTS = "{\"agentId\":{\"isNull\":false}}";

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    CursorCodec cursors;

    private RecordingDataSource recorded;
    private ThreadParticipantService service;
    private String tenant;
    private UUID thread;
    /** The thread's participants in id order: users and agents taking turns. */
    private final List<UUID> ids = new ArrayList<>();

    @BeforeEach
    void seed() throws SQLException {
        tenant = TestTokens.newTenant();
        thread = PrefixedId.newUuid();
        update("insert into thread (id, tenant_id, title, created_by, created_at) values (?, ?, 't', 'fixture', now())",
                thread, tenant);
        for (int i = 0; i < 8; i++) {
            UUID id = PrefixedId.newUuid();
            ids.add(id);
            update("insert into thread_participant (id, tenant_id, thread_id, user_id, agent_id, joined_at)"
                    + " values (?, ?, ?, ?, ?, now())", id, tenant, thread, i % 2 == 0 ? "u" + i : null,
                    i % 2 == 0 ? null : "a" + i);
        }
        recorded = new RecordingDataSource(dataSource);
        service = ServiceFixtures.service(recorded, entityManager, cursors);
    }

    private ParticipantSlice list(String filter, String after, String before) {
        ParticipantListParams params = new ParticipantListParams();
        params.limit = "2";
        params.threadId = thread.toString();
        params.filter = filter;
        params.after = after;
        params.before = before;
        return service.list(admin(), params.toRequest());
    }

    private static List<Sent> pageReads(List<Sent> sent) {
        return sent.stream().filter(s -> s.sql().contains(" ORDER BY ")).toList();
    }

    private static List<Sent> counts(List<Sent> sent) {
        return sent.stream().filter(s -> s.sql().startsWith("SELECT count(*)")).toList();
    }

    private List<UUID> idsOf(ParticipantSlice slice) {
        return slice.rows().stream().map(ParticipantRow::id).toList();
    }

    @Test
    void a_page_from_a_cursor_sends_as_many_statements_as_the_first_page() {
        ParticipantSlice first = list(null, null, null);
        List<Sent> firstSent = recorded.drain();
        assertEquals(1, pageReads(firstSent).size(), firstSent.toString());

        ParticipantSlice second = list(null, first.endCursor(), null);
        List<Sent> secondSent = recorded.drain();
        assertEquals(1, pageReads(secondSent).size(), secondSent.toString());
        assertEquals(firstSent.size(), secondSent.size(), secondSent.toString());
        assertEquals(ids.subList(2, 4), idsOf(second));
        assertTrue(second.hasPreviousPage() && second.hasNextPage());

        ParticipantSlice back = list(null, null, second.startCursor());
        List<Sent> backSent = recorded.drain();
        assertEquals(1, pageReads(backSent).size(), backSent.toString());
        assertEquals(ids.subList(0, 2), idsOf(back));
        assertTrue(!back.hasPreviousPage() && back.hasNextPage());
    }

    @Test
    void a_page_whose_cursor_row_is_gone_probes_behind_it_and_answers_the_same() throws SQLException {
        ParticipantSlice first = list(null, null, null);
        ParticipantSlice second = list(null, first.endCursor(), null);
        update("delete from thread_participant where id = ?", ids.get(1));
        update("delete from thread_participant where id = ?", ids.get(2));
        recorded.drain();

        ParticipantSlice after = list(null, first.endCursor(), null);
        assertEquals(2, pageReads(recorded.drain()).size());
        assertEquals(List.of(ids.get(3), ids.get(4)), idsOf(after));
        assertTrue(after.hasPreviousPage() && after.hasNextPage());

        ParticipantSlice before = list(null, null, second.startCursor());
        assertEquals(2, pageReads(recorded.drain()).size());
        assertEquals(List.of(ids.get(0)), idsOf(before));
        assertTrue(!before.hasPreviousPage() && before.hasNextPage());

        update("delete from thread_participant where id = ?", ids.get(0));
        ParticipantSlice alone = list(null, null, second.startCursor());
        assertEquals(List.of(), idsOf(alone));
        assertTrue(!alone.hasPreviousPage() && alone.hasNextPage());
    }

    @Test
    void later_pages_of_a_counted_list_send_no_count_and_report_the_first_pages_total() throws SQLException {
        ParticipantSlice first = list(AGENTS, null, null);
        assertEquals(1, counts(recorded.drain()).size());
        assertEquals(4, first.total());
        update("insert into thread_participant (id, tenant_id, thread_id, agent_id, joined_at)"
                + " values (?, ?, ?, 'a9', now())", PrefixedId.newUuid(), tenant, thread);

        ParticipantSlice second = list(AGENTS, first.endCursor(), null);
        List<Sent> sent = recorded.drain();
        assertEquals(List.of(), counts(sent), sent.toString());
        assertEquals(1, pageReads(sent).size(), sent.toString());
        assertEquals(4, second.total());
        assertEquals(List.of(ids.get(5), ids.get(7)), idsOf(second));

        ParticipantSlice back = list(AGENTS, null, second.startCursor());
        assertEquals(List.of(), counts(recorded.drain()));
        assertEquals(4, back.total());

        assertEquals(5, list(AGENTS, null, null).total());
    }

    @Test
    void a_narrowed_list_reads_its_page_with_custom_plans_and_the_rest_keep_generic_ones() {
        ParticipantSlice first = list(AGENTS, null, null);
        List<Sent> sent = recorded.drain();
        assertTrue(pageReads(sent).stream().allMatch(s -> s.planMode().equals("force_custom_plan")), sent.toString());
        assertTrue(counts(sent).stream().allMatch(s -> s.planMode().equals("force_generic_plan")), sent.toString());

        list(AGENTS, first.endCursor(), null);
        sent = recorded.drain();
        assertTrue(pageReads(sent).stream().allMatch(s -> s.planMode().equals("force_custom_plan")), sent.toString());

        list(null, null, null);
        sent = recorded.drain();
        assertFalse(sent.isEmpty());
        assertTrue(sent.stream().allMatch(s -> s.planMode().equals("force_generic_plan")), sent.toString());
    }

    private Caller admin() {
        return ServiceFixtures.admin(tenant);
    }

    private void update(String sql, Object... params) throws SQLException {
        ServiceFixtures.update(dataSource, sql, params);
    }
}
