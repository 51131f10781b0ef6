package dev.sessionledger.commons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.PrefixedId;

class PrefixedIdTest {

    @Test
    void formats_and_parses_back_any_uuid() {
        for (UUID id : List.of(new UUID(0, 0), new UUID(-1, -1), UUID.randomUUID(), PrefixedId.newUuid())) {
            String text = PrefixedId.format("ses", id);
            assertEquals(26, text.length(), text);
            assertEquals(id, PrefixedId.parse("ses", text).orElseThrow());
        }
    }

    @Test
    void text_order_is_creation_order() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(PrefixedId.format("smg", PrefixedId.newUuid()));
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(ids, sorted);
    }

    @Test
    void a_new_id_carries_its_creation_millisecond_within_the_bounds_of_that_millisecond() {
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        UUID id = PrefixedId.newUuid();
        java.time.Instant at = PrefixedId.timestampOf(id);
        assertTrue(!at.isBefore(before) && !at.isAfter(java.time.Instant.now()), at.toString());
        assertTrue(PrefixedId.lowestAt(at).compareTo(id) <= 0);
        assertTrue(PrefixedId.highestAt(at).compareTo(id) >= 0);
        assertTrue(PrefixedId.highestAt(at.minusMillis(1)).compareTo(id) < 0);
        assertTrue(PrefixedId.lowestAt(at.plusMillis(1)).compareTo(id) > 0);
    }

    @Test
    void rejects_wrong_prefix_width_alphabet_and_overflow() {
        String good = PrefixedId.format("spt", UUID.randomUUID());
        assertTrue(PrefixedId.parse("ses", good).isEmpty());
        assertTrue(PrefixedId.parse("spt", good + "0").isEmpty());
        assertTrue(PrefixedId.parse("spt", good.substring(0, 25) + "-").isEmpty());
        assertTrue(PrefixedId.parse("spt", "spt_zzzzzzzzzzzzzzzzzzzzzz").isEmpty());
        assertTrue(PrefixedId.parse("spt", null).isEmpty());
    }
}
