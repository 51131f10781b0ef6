package dev.sessionledger.sessions.realtime;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.sessionledger.commons.params.Timestamps;

/**
 * Reads the values of a checked request body. Timestamps are kept to the millisecond, the clock's
 * precision, so that durations computed here and in SQL agree.
 */
public final class BodyValues {

    private BodyValues() {
    }

    /** The text, or null when absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The timestamp ({@link Timestamps}), or {@code fallback} when absent. */
    public static Instant instant(String field, String text, Instant fallback) {
        return text == null ? fallback : Timestamps.parse(field, text).truncatedTo(ChronoUnit.MILLIS);
    }
}
