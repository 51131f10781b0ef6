package dev.sessionledger.threads.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.commons.params.Timestamps;

/**
 * The types a filterable or sortable field can have: which operators apply to it and how a value
 * from a filter or a cursor becomes the JDBC value bound in its place.
 */
public enum ValueType {
    TEXT("a text", EnumSet.allOf(Operator.class)) {
        @Override
        Object parseText(String text) {
            return text;
        }
    },
    TIMESTAMP("a timestamp", EnumSet.complementOf(EnumSet.of(Operator.LIKE, Operator.ILIKE))) {
        @Override
        Object parseText(String text) {
            return Timestamps.parse(text).atOffset(ZoneOffset.UTC);
        }
    },
    UUID_TEXT("an id", EnumSet.of(Operator.EQ, Operator.NEQ, Operator.IN, Operator.NIN, Operator.IS_NULL)) {
        @Override
        Object parseText(String text) {
            return Uuids.parse(text).orElseThrow(() -> new IllegalArgumentException("must be a UUID"));
        }
    };

    /** Longest text value a filter or cursor may carry. */
    public static final int MAX_TEXT = 256;

    private final String description;
    private final Set<Operator> operators;

    ValueType(String description, Set<Operator> operators) {
        this.description = description;
        this.operators = operators;
    }

    /** Parses text already known to be a string; throws IllegalArgumentException saying what is wrong. */
    abstract Object parseText(String text);

    public String description() {
        return description;
    }

    public boolean allows(Operator operator) {
        return operators.contains(operator);
    }

    public Set<Operator> operators() {
        return operators;
    }

    /** The bound value for a filter's JSON value at {@code path}; a 400 naming the path when it does not fit. */
    public Object parse(JsonNode value, String path) {
        if (value == null || !value.isTextual()) {
            throw Failure.invalid(path, "must be a string holding " + description + " value");
        }
        return parse(value.textValue(), path);
    }

    public Object parse(String text, String path) {
        if (text.length() > MAX_TEXT) {
            throw Failure.invalid(path, "must be at most " + MAX_TEXT + " characters");
        }
        try {
            return parseText(text);
        } catch (IllegalArgumentException e) {
            throw Failure.invalid(path, e.getMessage());
        }
    }

    /** How a bound value of this type is written into a cursor; {@link #parse(String, String)} reads it back. */
    public static String format(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        return value.toString();
    }

    /** The value bound for a stored timestamp. */
    public static OffsetDateTime bindable(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
