package dev.sessionledger.sessions.realtime;

import java.time.Instant;
import java.util.List;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.params.QueryStrings;
import dev.sessionledger.commons.params.Timestamps;
import dev.sessionledger.commons.params.WholeNumbers;

/**
 * Reads the values of declared RealtimeKit query parameters with the commons readers: each given
 * at most once, a value out of its bounds a 400 naming the parameter.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** One of the allowed values, or {@code fallback} when absent. */
    public static String choice(String name, List<String> values, List<String> allowed, String fallback) {
        String value = QueryStrings.single(name, values);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw Failure.invalid(name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** Free text of at most {@code maxLength} characters, or null when absent. */
    public static String text(String name, List<String> values, int maxLength) {
        String value = QueryStrings.single(name, values);
        if (value != null && value.length() > maxLength) {
            throw Failure.invalid(name, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** {@code true} or {@code false}; absent is false. */
    public static boolean flag(String name, List<String> values) {
        return "true".equals(choice(name, values, List.of("true", "false"), "false"));
    }

    /** A timestamp, or null when absent. */
    public static Instant time(String name, List<String> values) {
        String text = QueryStrings.single(name, values);
        return text == null ? null : Timestamps.parse(name, text);
    }

    static int number(String name, List<String> values, int fallback, int min, int max) {
        return WholeNumbers.parse(name, QueryStrings.single(name, values), fallback, min, max);
    }
}
