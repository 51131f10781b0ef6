package dev.sessionledger.reliability;

import java.util.List;
import java.util.Random;

/** The hostile values the fuzzer draws from: numbers, timestamps, strings, ids, cursors, JSON that is wrong in shape or size. */
public final class FuzzValues {

    /** Raw JSON number literals, some of them not JSON at all. */
    static final List<String> NUMBERS = List.of("1e309", "-1e309", "-0", "-0.0", "0", "-1", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1.5",
            "1e-400", "4.9e-324", "123456789012345678901234567890123456789", "1" + "0".repeat(400), "NaN",
            "Infinity", "-Infinity", "0x10", "01", "1_000", "+1", ".5", "1e", "1E+99999999999");

    /** Timestamps at and past the edges of what the formats and PostgreSQL hold, and not timestamps at all. */
    static final List<String> TIMESTAMPS = List.of("+999999-01-01T00:00:00Z", "-4714-01-01T00:00:00Z",
            "-4713-11-24T00:00:00Z", "0000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "+294277-01-01T00:00:00Z", "-290309-01-01T00:00:00Z",
            "+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z", "2038-01-19T03:14:08Z", "2025-13-45T25:61:61Z", "2025-02-30T00:00:00Z",
            "2024-02-29T24:00:00Z", "2025-06-30T23:59:60Z", "2025-01-01", "2025-01-01T00:00:00",
            "2025-01-01T00:00:00+25:00", "2025-01-01T00:00:00.1234567891234Z", "2025-01-01 00:00:00Z",
            "1700000000", "1700000000000", "yesterday", "now", "infinity", "-infinity", "epoch", "allballs", "",
            "2025-01-01T00:00:00Z\u0000", "\u0000", "T", "Z");

    private static final List<String> STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\u0000\u0000\u0000",
            "\uD83D\uDE00", "\u202Eevil", "\uFEFF", "e\u0301", "\u00ff\u00fe", "\uFFFF", "'; drop table thread; --",
            "%00", "%", "%zz", "../../../etc/passwd", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "null", "true",
            "{}", "[]", "\\", "\"", "\r\n", "\t", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "x".repeat(257),
            "y".repeat(10_000), "z".repeat(70_000));

    private FuzzValues() {
    }

    public static String number(Random r) {
        return pick(r, NUMBERS);
    }

    public static String timestamp(Random r) {
        return pick(r, TIMESTAMPS);
    }

    /** A hostile string; {@code huge} ones run from 1 to 4 MB. */
    public static String string(Random r, boolean huge) {
        if (huge) {
            int size = (1 + r.nextInt(4)) * 1024 * 1024;
            char c = "a\u00e9\u4e2d\u0000".charAt(r.nextInt(4));
            return String.valueOf(c).repeat(size);
        }
        return pick(r, STRINGS);
    }

    /** Raw UTF-8 bytes that are not UTF-8 (a lone continuation, an overlong NUL, a surrogate), for inside a JSON string. */
    static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3});

    /**
     * A bad id as an encoded path segment or query value: another tenant's or another kind's real id,
     * an id of the right prefix that decodes past 128 bits, too short or long, a UUID in other spellings,
     * encoded NUL, dots and slashes.
     */
    public static String badId(Random r, DemoData.Fixture own, DemoData.Fixture foreign) {
        List<String> ownIds = List.copyOf(own.allIds());
        List<String> foreignIds = List.copyOf(foreign.allIds());
        String prefix = pick(r, List.of("ses", "sco", "spt", "spr", "srr", "smg", "pro"));
        return switch (r.nextInt(22)) {
            case 0, 1 -> Http.encode(pick(r, foreignIds));
            case 2, 3 -> Http.encode(pick(r, ownIds));
            case 4 -> prefix + "_" + "0".repeat(22);
            case 5 -> prefix + "_" + "z".repeat(22);
            case 6 -> prefix + "_";
            case 7 -> prefix + "_" + "A".repeat(21);
            case 8 -> prefix + "_" + "A".repeat(23);
            case 9 -> "00000000-0000-0000-0000-000000000000";
            case 10 -> "ffffffff-ffff-ffff-ffff-ffffffffffff";
            case 11 -> DemoData.uuid(r).replace("-", "");
            case 12 -> DemoData.uuid(r).toUpperCase(java.util.Locale.ROOT);
            case 13 -> "%7B" + DemoData.uuid(r) + "%7D";
            case 14 -> "%00";
            case 15 -> prefix + "_%00" + "A".repeat(20);
            case 16 -> pick(r, List.of("..", ".", "%2e%2e", "%2F", "a%2Fb", "%252e%252e", "%5C"));
            case 17 -> "x".repeat(5000);
            case 18 -> pick(r, List.of("-1", "0", "1e309", "9223372036854775808", "true", "null"));
            case 19 -> Http.encode(prefix + "_\u00c4\u00d6\u00dc" + "A".repeat(19));
            case 20 -> Http.encode(DemoData.uuid(r) + "\u0000");
            default -> Http.encode(pick(r, STRINGS));
        };
    }

    /** A cursor that no page handed out: random, altered, truncated, huge, of another API, or with a NUL. */
    public static String badCursor(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> "";
            case 1 -> "\u0000";
            case 2 -> "eyJzIjoiY0Y4ejd1b1NfRk9Qd0lUd1dnS1FGdyIsImsiOlsiMDFhMjMwY2QtZjU5OC03OTJkLWI3ZDgtYTNiMWU3NTQyYmU2Il19."
                    + "OWDsXNBIunnftNvLDMAM0xFqOSVIPcWYk1L6gp_7jfQ";
            case 3 -> java.util.Base64.getUrlEncoder().encodeToString(("{\"id\":\"" + "A".repeat(r.nextInt(40))
                    + "\",\"k\":[null,1e309]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case 4 -> "c".repeat(20_000);
            case 5 -> java.util.Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xff});
            case 6 -> "ses_" + "z".repeat(22);
            case 7 -> "!!!" + "=".repeat(10);
            case 8 -> "eyJ" + "A".repeat(r.nextInt(60));
            default -> string(r, false);
        };
    }

    /** {@code depth} levels of nested arrays or objects: {@code [[[...]]]} or {@code {"a":{"a":...}}}. */
    public static String nested(int depth, boolean objects) {
        StringBuilder out = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            out.append(objects ? "{\"a\":" : "[");
        }
        out.append("1");
        for (int i = 0; i < depth; i++) {
            out.append(objects ? "}" : "]");
        }
        return out.toString();
    }

    /** A thread filter ({@code filter=} JSON) that is wrong in shape, type, size or depth. */
    public static String badFilter(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> nested(10_000, true);
            case 1 -> "{\"AND\":" + "[{\"AND\":".repeat(300) + "[]" + "}]".repeat(300) + "}";
            case 2 -> "{\"displayName\":{\"eq\":" + number(r) + "}}";
            case 3 -> "{\"joinedAt\":{\"gt\":\"" + timestamp(r) + "\"}}";
            case 4 -> "{\"displayName\":{\"like\":\"\\u0000\"}}";
            case 5 -> "{\"unknownField\":{\"eq\":1}}";
            case 6 -> "{\"OR\":[]}";
            case 7 -> "{\"NOT\":[1,2]}";
            case 8 -> "{\"thread\":" + "{\"thread\":".repeat(50) + "{}" + "}".repeat(50) + "}";
            case 9 -> "{\"id\":{\"in\":[" + "\"x\",".repeat(2000) + "\"x\"]}}";
            case 10 -> pick(r, List.of("null", "[]", "{", "", "\"x\"", "1", "{\"a\":1,\"a\":2}"));
            case 11 -> "{\"lastReadAt\":{\"lte\":" + number(r) + "}}";
            case 12 -> "{\"userId\":{\"isNull\":\"yes\"}}";
            case 13 -> "{\"threadId\":{\"eq\":\"" + pick(r, List.of("not-a-uuid", "\\u0000", "")) + "\"}}";
            case 14 -> "{\"joinedAt\":{\"in\":[\"" + timestamp(r) + "\",null,{}]}}";
            default -> "{\"displayName\":{\"eq\":\"" + "w".repeat(20_000) + "\"}}";
        };
    }

    /** A thread order ({@code orderBy=} JSON) that is wrong. */
    public static String badOrderBy(Random r) {
        return pick(r, List.of("[{\"joinedAt\":\"sideways\"}]", "{\"joinedAt\":\"asc\"}",
                "[{\"joinedAt\":\"asc\",\"displayName\":\"desc\"}]", "[]", "[{\"thread\":\"asc\"}]", "[1]", "[null]",
                "[{\"unknown\":\"asc\"}]", "[" + "{\"joinedAt\":\"asc\"},".repeat(200) + "{\"id\":\"asc\"}]",
                nested(10_000, false), "[{\"joinedAt\":\"\\u0000\"}]", "[{\"joinedAt\":" + number(r) + "}]"));
    }

    public static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
