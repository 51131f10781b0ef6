package dev.sessionledger.threads.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sessionledger.threads.participants.ParticipantField;

class KeysetSqlTest {

    private static final SortKey JOINED_DESC = new SortKey(ParticipantField.JOINED_AT, SortDirection.DESC);
    private static final SortKey ID_DESC = new SortKey(ParticipantField.ID, SortDirection.DESC);
    private static final SortKey NAME_ASC = new SortKey(ParticipantField.DISPLAY_NAME, SortDirection.ASC);
    private static final SortKey ID_ASC = new SortKey(ParticipantField.ID, SortDirection.ASC);

    @Test
    void a_fixed_thread_leads_the_order_in_the_first_keys_direction_so_the_threads_index_serves_it() {
        assertEquals("p.thread_id DESC, p.joined_at DESC, p.id DESC",
                KeysetSql.orderBy("p.thread_id", List.of(JOINED_DESC, ID_DESC)).text());
        assertEquals("p.thread_id ASC, p.display_name ASC, p.id ASC",
                KeysetSql.orderBy("p.thread_id", List.of(NAME_ASC, ID_ASC)).text());
    }

    @Test
    void without_a_lead_the_order_is_the_sort_keys_alone() {
        assertEquals("p.display_name ASC, p.id ASC", KeysetSql.orderBy(null, List.of(NAME_ASC, ID_ASC)).text());
    }
}
