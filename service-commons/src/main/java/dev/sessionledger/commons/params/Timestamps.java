package dev.sessionledger.commons.params;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import dev.sessionledger.commons.errors.Failure;

/**
 * The one reading of a timestamp a client sends, in a body or a query: an ISO-8601 date-time with
 * an offset ({@code 2025-01-31T12:00:00Z}, {@code 2025-01-31T13:00:00.250+01:00}) between the years
 * 1 and 9999. PostgreSQL stores a wider range, but a value outside these years is a mistake, not a
 * time anything happened, and would otherwise reach the database as given or fail there.
 */
public final class Timestamps {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final String EXPECTED = "must be an ISO-8601 date-time with an offset, such as 2025-01-31T12:00:00Z, "
            + "in the years 1 to 9999";

    private Timestamps() {
    }

    /**
     * @throws IllegalArgumentException with {@link #EXPECTED} as its message
     */
    public static Instant parse(String text) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(EXPECTED);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException(EXPECTED);
        }
        return instant;
    }

    /**
     * @throws Failure a 400 naming {@code field}
     */
    public static Instant parse(String field, String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw Failure.invalid(field, e.getMessage());
        }
    }
}
