package dev.sessionledger.commons.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bounds of free-form JSON objects, checked in one walk. Text is counted in characters over
 * every key and string value; depth counts the nested objects and arrays below the top.
 */
public final class FreeFormBounds {

    /** Top-level keys of metadata. */
    public static final int METADATA_KEYS = 50;
    /** Characters of text in metadata, over every key and string. */
    public static final int METADATA_TEXT = 16_384;
    /** Levels of objects and arrays nested below the top. */
    public static final int MAX_DEPTH = 8;
    /** Values of every kind, at every level. */
    public static final int MAX_VALUES = 2_000;

    private FreeFormBounds() {
    }

    /** What is wrong with {@code value}, if anything, said as a message for its field. */
    public static Optional<String> problem(Map<String, ?> value, int maxKeys, int maxText) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.size() > maxKeys) {
            return Optional.of("may hold at most " + maxKeys + " keys");
        }
        Tally tally = new Tally();
        tally.walk(value, 0);
        if (tally.depth > MAX_DEPTH) {
            return Optional.of("may nest at most " + MAX_DEPTH + " levels of objects and arrays");
        }
        if (tally.values > MAX_VALUES) {
            return Optional.of("may hold at most " + MAX_VALUES + " values in all");
        }
        if (tally.text > maxText) {
            return Optional.of("may hold at most " + maxText + " characters of text");
        }
        return Optional.empty();
    }

    /** Counts as it walks and stops descending once a bound is passed, so a huge value costs little. */
    private static final class Tally {
        long text;
        int values;
        int depth;

        void walk(Object value, int level) {
            values++;
            if (level > depth) {
                depth = level;
            }
            if (depth > MAX_DEPTH || values > MAX_VALUES) {
                return;
            }
            if (value instanceof String s) {
                text += s.length();
            } else if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    text += String.valueOf(entry.getKey()).length();
                    walk(entry.getValue(), level + 1);
                }
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    walk(item, level + 1);
                }
            }
        }
    }
}
