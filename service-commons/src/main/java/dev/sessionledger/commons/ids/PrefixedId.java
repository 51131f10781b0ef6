package dev.sessionledger.commons.ids;

import java.math.BigInteger;
import java.time.Instant;
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

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length());
    /** 62^22 > 2^128, so 22 digits hold any UUID. */
    private static final int WIDTH = 22;
    private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);

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
        BigInteger value = new BigInteger(1, toBytes(id));
        char[] digits = new char[WIDTH];
        for (int i = WIDTH - 1; i >= 0; i--) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            digits[i] = ALPHABET.charAt(qr[1].intValue());
            value = qr[0];
        }
        return prefix + "_" + new String(digits);
    }

    /** The UUID behind {@code text}, or empty when it is not a well-formed id with this prefix. */
    public static Optional<UUID> parse(String prefix, String text) {
        if (text == null || text.length() != prefix.length() + 1 + WIDTH || !text.startsWith(prefix + "_")) {
            return Optional.empty();
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = prefix.length() + 1; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        if (value.compareTo(TWO_128) >= 0) {
            return Optional.empty();
        }
        return Optional.of(fromBigInteger(value));
    }

    private static byte[] toBytes(UUID id) {
        byte[] bytes = new byte[16];
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }

    private static UUID fromBigInteger(BigInteger value) {
        long msb = value.shiftRight(64).longValue();
        long lsb = value.longValue();
        return new UUID(msb, lsb);
    }
}
