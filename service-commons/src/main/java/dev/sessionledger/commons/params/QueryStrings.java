package dev.sessionledger.commons.params;

import java.util.ArrayList;
import java.util.List;

import dev.sessionledger.commons.errors.Failure;

/** Reads the values of declared query parameters: one given once, several bounded in count and length. */
public final class QueryStrings {

    /** Longer values are never legitimate ids, orders or numbers. */
    static final int MAX_VALUE_LENGTH = 512;

    private QueryStrings() {
    }

    /**
     * The one value of a parameter an endpoint declares as a list (so that a second value is seen,
     * not silently dropped): absent or empty is null, a second value a 400 naming it.
     */
    public static String single(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw Failure.invalid(name, "must be given once");
        }
        String value = values.get(0);
        if (value.length() > MAX_VALUE_LENGTH) {
            throw Failure.invalid(name, "is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    /**
     * The values of a declared list parameter; the other {@code qs} forms of the same name arrive
     * as repeated values ({@link QsArrayForms}). Empty values are ignored.
     *
     * @param maxValues more values than this are a 400 naming the parameter
     */
    public static List<String> multi(String name, List<String> given, int maxValues) {
        List<String> values = new ArrayList<>();
        addAll(values, given);
        if (values.size() > maxValues) {
            throw Failure.invalid(name, "may have at most " + maxValues + " values");
        }
        for (String value : values) {
            if (value.length() > MAX_VALUE_LENGTH) {
                throw Failure.invalid(name, "has a value longer than " + MAX_VALUE_LENGTH + " characters");
            }
        }
        return values;
    }

    private static void addAll(List<String> into, List<String> values) {
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isEmpty()).forEach(into::add);
        }
    }
}
