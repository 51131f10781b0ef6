package dev.sessionledger.commons.ids;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import com.github.f4b6a3.uuid.UuidCreator;

/**
 * Public ids of the MCP side: a type prefix and a fixed-width base62 rendering of a UUIDv7.
 * <p>
 * The alphabet is in ASCII order and every id has the same width, so comparing two ids as text
 * gives the same answer as comparing their UUIDs, which is creation order.
 */
public final class PrefixedId {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .toCharArray();
    private static final int BASE = ALPHABET.length;
    /** 62^22 > 2^128, so 22 digits hold any UUID. */
    private static final int WIDTH = 22;
    /**
     * 62^5: the 128 bits are divided by it as four 32-bit limbs, and a remainder below 2^30 shifted
     * past a limb still fits in a long, so a rendering is a few long divisions and no BigInteger.
     */
    private static final long CHUNK = 916_132_832L;
    private static final int CHUNK_DIGITS = 5;
    /** Each ASCII character's digit, or -1. */
    private static final byte[] DIGITS = new byte[128];

    static {
        Arrays.fill(DIGITS, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DIGITS[ALPHABET[i]] = (byte) i;
        }
    }

    private PrefixedId() {
    }

    /** A new time-ordered id (UUIDv7). */
    public static UUID newUuid() {
        return UuidCreator.getTimeOrderedEpoch();
    }

    /** The creation instant a UUIDv7 carries in its first 48 bits, to the millisecond. */
    public static Instant timestampOf(UUID id) {
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }

    /** The lowest UUIDv7 that can carry {@code instant}'s millisecond: a lower bound of every id made then or later. */
    public static UUID lowestAt(Instant instant) {
        return new UUID(Math.max(0, instant.toEpochMilli()) << 16, 0L);
    }

    /** The highest UUIDv7 that can carry {@code instant}'s millisecond: an upper bound of every id made then or earlier. */
    public static UUID highestAt(Instant instant) {
        return new UUID((Math.max(0, instant.toEpochMilli()) << 16) | 0xFFFFL, -1L);
    }

    public static String format(String prefix, UUID id) {
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        long[] limbs = { msb >>> 32, msb & 0xFFFFFFFFL, lsb >>> 32, lsb & 0xFFFFFFFFL };
        char[] text = new char[prefix.length() + 1 + WIDTH];
        prefix.getChars(0, prefix.length(), text, 0);
        text[prefix.length()] = '_';
        int position = text.length;
        for (int chunk = 0; chunk < 4; chunk++) {
            long remainder = 0;
            for (int i = 0; i < limbs.length; i++) {
                long current = (remainder << 32) | limbs[i];
                limbs[i] = current / CHUNK;
                remainder = current % CHUNK;
            }
            for (int digit = 0; digit < CHUNK_DIGITS; digit++) {
                text[--position] = ALPHABET[(int) (remainder % BASE)];
                remainder /= BASE;
            }
        }
        // Below 2^128 / 62^20, which is below 62^2: the two leading digits, in the last limb.
        long rest = limbs[3];
        text[--position] = ALPHABET[(int) (rest % BASE)];
        text[--position] = ALPHABET[(int) (rest / BASE)];
        return new String(text);
    }

    /** The UUID behind {@code text}, or empty when it is not a well-formed id with this prefix. */
    public static Optional<UUID> parse(String prefix, String text) {
        if (text == null || text.length() != prefix.length() + 1 + WIDTH || !text.startsWith(prefix)
                || text.charAt(prefix.length()) != '_') {
            return Optional.empty();
        }
        long[] limbs = new long[4];
        for (int i = prefix.length() + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < DIGITS.length ? DIGITS[c] : -1;
            if (digit < 0) {
                return Optional.empty();
            }
            long carry = digit;
            for (int j = limbs.length - 1; j >= 0; j--) {
                long product = limbs[j] * BASE + carry;
                limbs[j] = product & 0xFFFFFFFFL;
                carry = product >>> 32;
            }
            if (carry != 0) {
                // 2^128 or more: no UUID
                return Optional.empty();
            }
        }
        return Optional.of(new UUID(limbs[0] << 32 | limbs[1], limbs[2] << 32 | limbs[3]));
    }
}
