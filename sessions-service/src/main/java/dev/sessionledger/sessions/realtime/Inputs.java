package dev.sessionledger.sessions.realtime;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.errors.FieldError;
import dev.sessionledger.commons.params.Timestamps;
import dev.sessionledger.commons.validation.FreeFormBounds;

/**
 * Collects every problem of a request body, named by its JSON field, before anything is written.
 * Timestamps are kept to the millisecond so that durations computed here and in SQL agree.
 */
public final class Inputs {

    private final List<FieldError> errors = new java.util.ArrayList<>();

    public String text(String field, String value, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return value;
    }

    public String oneOf(String field, String value, List<String> allowed, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
            return fallback;
        }
        return value;
    }

    /** An ISO-8601 instant, or {@code fallback} when absent. */
    public Instant instant(String field, String value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Timestamps.parse(value).truncatedTo(ChronoUnit.MILLIS);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return fallback;
        }
    }

    public java.util.UUID id(String field, String value) {
        try {
            return RealtimeIds.bodyId(field, value);
        } catch (Failure e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** A free-form JSON object within its bounds of keys and text ({@link FreeFormBounds}); absent is fine. */
    public void freeForm(String field, Map<String, ?> value, int maxKeys, int maxText) {
        FreeFormBounds.problem(value, maxKeys, maxText).ifPresent(problem -> fail(field, problem));
    }

    public void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws one 400 naming every field at fault, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw Failure.invalid(errors);
        }
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
