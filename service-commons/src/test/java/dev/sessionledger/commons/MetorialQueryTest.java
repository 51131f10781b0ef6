package dev.sessionledger.commons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.metorial.KeysetFilter;
import dev.sessionledger.commons.metorial.MetorialCursor;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.params.QueryStrings;

class MetorialQueryTest {

    private static MultivaluedMap<String, String> query(String... pairs) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return query;
    }

    @Test
    void reads_every_qs_style_of_a_multi_value_parameter() {
        assertEquals(List.of("a", "b"), QueryStrings.multi(query("type", "a", "type", "b"), "type", 10));
        assertEquals(List.of("a", "b"), QueryStrings.multi(query("type[]", "a", "type[]", "b"), "type", 10));
        assertEquals(List.of("a", "b", "c"),
                QueryStrings.multi(query("type[10]", "c", "type[0]", "a", "type[2]", "b"), "type", 10));
        assertEquals(List.of(), QueryStrings.multi(query("types", "a", "type[x]", "b", "type", ""), "type", 10));
    }

    @Test
    void too_many_values_are_a_400_naming_the_parameter() {
        Failure e = assertThrows(Failure.class,
                () -> QueryStrings.multi(query("id", "1", "id[]", "2", "id[0]", "3"), "id", 2));
        assertEquals(Failure.Kind.INVALID_INPUT, e.kind());
        assertEquals("id", e.errors().get(0).field());
    }

    @Test
    void a_cursor_names_the_same_anchor_as_after_or_before() {
        UUID id = PrefixedId.newUuid();
        String smg = PrefixedId.format("smg", id);
        MetorialListRequest after = MetorialListRequest.parse(query("cursor", MetorialCursor.after(smg)), "smg");
        assertEquals(id, after.anchor().id());
        assertFalse(after.anchor().before());
        MetorialListRequest before = MetorialListRequest.parse(query("cursor", MetorialCursor.before(smg)), "smg");
        assertTrue(before.anchor().before());
        UUID other = PrefixedId.newUuid();
        MetorialListRequest precedence = MetorialListRequest.parse(
                query("before", PrefixedId.format("smg", other), "cursor", MetorialCursor.after(smg)), "smg");
        assertEquals(other, precedence.anchor().id());
    }

    @Test
    void a_foreign_or_garbled_cursor_is_a_400_naming_cursor() {
        for (String cursor : List.of("%%%", MetorialCursor.after("ses_0000000000000000000000"), "YWZ0ZXI6")) {
            Failure e = assertThrows(Failure.class,
                    () -> MetorialListRequest.parse(query("cursor", cursor), "smg"));
            assertEquals("cursor", e.errors().get(0).field());
        }
    }

    @Test
    void a_keyset_filter_binds_every_value_and_names_its_order_lead() {
        KeysetFilter filter = KeysetFilter.of("tenantId", "t1")
                .andAnyOf("type", List.of())
                .andAnyOf("type", List.of("request", "error"))
                .andOrderedBy("runId", "r1");
        assertEquals("tenantId = :f0 and type in :f1 and runId >= :f2 and runId <= :f2", filter.where());
        assertEquals(3, filter.params().size());
        assertEquals("runId", filter.orderLead());
        assertNull(KeysetFilter.of("tenantId", "t1").orderLead());
        assertThrows(IllegalStateException.class, () -> filter.andOrderedBy("type", "x"));
    }
}
