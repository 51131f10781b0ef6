package dev.sessionledger.commons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.metorial.KeysetFilter;
import dev.sessionledger.commons.metorial.MetorialCursor;
import dev.sessionledger.commons.metorial.MetorialListParams;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.params.QueryStrings;

class MetorialQueryTest {

    /** A list request from its paging parameters as an endpoint binds them: each null or one value. */
    private static MetorialListRequest request(String before, String cursor) {
        MetorialListParams params = new MetorialListParams();
        params.before = before == null ? null : List.of(before);
        params.cursor = cursor == null ? null : List.of(cursor);
        return params.toRequest(IdPrefix.MESSAGE);
    }

    @Test
    void reads_the_values_of_a_list_parameter_ignoring_empty_ones() {
        assertEquals(List.of("a", "b"), QueryStrings.multi("type", List.of("a", "", "b"), 10));
        assertEquals(List.of(), QueryStrings.multi("type", null, 10));
    }

    @Test
    void too_many_values_are_a_400_naming_the_parameter() {
        Failure e = assertThrows(Failure.class, () -> QueryStrings.multi("id", List.of("1", "2", "3"), 2));
        assertEquals(Failure.Kind.INVALID_INPUT, e.kind());
        assertEquals("id", e.errors().get(0).field());
        Failure twice = assertThrows(Failure.class, () -> QueryStrings.single("limit", List.of("1", "2")));
        assertEquals("limit", twice.errors().get(0).field());
    }

    @Test
    void a_cursor_names_the_same_anchor_as_after_or_before() {
        UUID id = PrefixedId.newUuid();
        String smg = PrefixedId.format("smg", id);
        MetorialListRequest after = request(null, MetorialCursor.after(smg));
        assertEquals(id, after.anchor().id());
        assertFalse(after.anchor().before());
        MetorialListRequest before = request(null, MetorialCursor.before(smg));
        assertTrue(before.anchor().before());
        UUID other = PrefixedId.newUuid();
        MetorialListRequest precedence = request(PrefixedId.format("smg", other), MetorialCursor.after(smg));
        assertEquals(other, precedence.anchor().id());
    }

    @Test
    void a_foreign_or_garbled_cursor_is_a_400_naming_cursor() {
        for (String cursor : List.of("%%%", MetorialCursor.after("ses_0000000000000000000000"), "YWZ0ZXI6")) {
            Failure e = assertThrows(Failure.class,
                    () -> request(null, cursor));
            assertEquals("cursor", e.errors().get(0).field());
        }
    }

    @Test
    void a_keyset_filter_binds_every_value_and_names_its_order_lead() {
        KeysetFilter filter = KeysetFilter.of("tenant_id", "t1")
                .andAnyOf("type", List.of())
                .andAnyOf("type", List.of("request", "error"))
                .andAnyOf("kind", List.of("one"))
                .andOrderedBy("run_id", "r1")
                .andWhere("(id in (select a from x where b = any(?)) or id in (select a from y where b = any(?)))",
                        List.of("s1"));
        assertEquals("tenant_id = ? and type = any(?) and kind = ? and run_id >= ? and run_id <= ?"
                + " and (id in (select a from x where b = any(?)) or id in (select a from y where b = any(?)))",
                filter.where().text());
        assertEquals(List.of("t1", List.of("request", "error"), "one", "r1", "r1", List.of("s1"), List.of("s1")),
                filter.where().params());
        assertEquals("run_id", filter.orderLead());
        assertNull(KeysetFilter.of("tenant_id", "t1").orderLead());
        assertThrows(IllegalStateException.class, () -> filter.andOrderedBy("type", "x"));
    }
}
