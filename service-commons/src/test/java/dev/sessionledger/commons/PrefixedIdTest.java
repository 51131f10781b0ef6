package dev.sessionledger.commons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
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

    /** Base62 as BigInteger writes it: the rendering ids have always had, kept here to hold them to it. */
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static BigInteger unsigned(long bits) {
        return BigInteger.valueOf(bits).and(TWO_64.subtract(BigInteger.ONE));
    }

    private static String referenceFormat(String prefix, UUID id) {
        return prefix + "_" + referenceDigits(
                unsigned(id.getMostSignificantBits()).shiftLeft(64).or(unsigned(id.getLeastSignificantBits())));
    }

    private static String referenceDigits(BigInteger value) {
        char[] digits = new char[22];
        for (int i = 21; i >= 0; i--) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            digits[i] = ALPHABET.charAt(qr[1].intValue());
            value = qr[0];
        }
        return new String(digits);
    }

    private static Optional<UUID> referenceParse(String digits) {
        BigInteger value = BigInteger.ZERO;
        for (char c : digits.toCharArray()) {
            value = value.multiply(BASE).add(BigInteger.valueOf(ALPHABET.indexOf(c)));
        }
        if (value.bitLength() > 128) {
            return Optional.empty();
        }
        return Optional.of(new UUID(value.shiftRight(64).longValue(), value.longValue()));
    }

    @Test
    void renders_and_reads_every_id_as_base62_always_has() {
        SplittableRandom random = new SplittableRandom(15);
        List<UUID> ids = new ArrayList<>(List.of(new UUID(0, 0), new UUID(0, 1), new UUID(0, -1), new UUID(1, 0),
                new UUID(-1, -1), new UUID(Long.MIN_VALUE, 0), new UUID(Long.MAX_VALUE, Long.MAX_VALUE)));
        for (int i = 0; i < 20_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
            ids.add(PrefixedId.newUuid());
        }
        for (UUID id : ids) {
            String text = PrefixedId.format("spt", id);
            assertEquals(referenceFormat("spt", id), text);
            assertEquals(Optional.of(id), PrefixedId.parse("spt", text));
        }
        // Any 22 digits, most of them beyond 128 bits, read as BigInteger reads them.
        for (int i = 0; i < 20_000; i++) {
            StringBuilder digits = new StringBuilder();
            int lead = random.nextInt(8);
            for (int d = 0; d < 22; d++) {
                digits.append(ALPHABET.charAt(d == 0 ? lead : random.nextInt(62)));
            }
            assertEquals(referenceParse(digits.toString()), PrefixedId.parse("spt", "spt_" + digits), digits.toString());
        }
        // 2^128 - 1 is the highest id; 2^128 is none.
        assertEquals(Optional.of(new UUID(-1, -1)), PrefixedId.parse("spt", "spt_" + referenceDigits(
                BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE))));
        assertTrue(PrefixedId.parse("spt", "spt_" + referenceDigits(BigInteger.ONE.shiftLeft(128))).isEmpty());
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
