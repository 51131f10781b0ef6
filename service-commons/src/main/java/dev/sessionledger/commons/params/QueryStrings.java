package dev.sessionledger.commons.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.sessionledger.commons.errors.Failure;

/** Reads query parameters the way Metorial's SDK writes them ({@code qs} style). */
public final class QueryStrings {

    /** Longer values are never legitimate ids, orders or numbers. */
    static final int MAX_VALUE_LENGTH = 512;

    private QueryStrings() {
    }

    /** A parameter given at most once; a second value is a 400 naming it. */
    public static String single(MultivaluedMap<String, String> query, String name) {
        return single(name, query.get(name));
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
     * A parameter that may carry several values, in any of the forms {@code qs} writes: repeated
     * {@code name=a&name=b}, {@code name[]=a&name[]=b} and indexed {@code name[0]=a&name[1]=b}.
     * Indexed values keep their index order; empty values are ignored.
     *
     * @param maxValues more values than this are a 400 naming the parameter
     * @return the values, empty when the parameter is absent
     */
    public static List<String> multi(MultivaluedMap<String, String> query, String name, int maxValues) {
        List<String> values = new ArrayList<>();
        addAll(values, query.get(name));
        addAll(values, query.get(name + "[]"));
        Map<Integer, List<String>> indexed = new TreeMap<>();
        Pattern key = Pattern.compile(Pattern.quote(name) + "\\[(\\d{1,4})\\]");
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            Matcher matcher = key.matcher(entry.getKey());
            if (matcher.matches()) {
                indexed.put(Integer.parseInt(matcher.group(1)), entry.getValue());
            }
        }
        indexed.values().forEach(v -> addAll(values, v));
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
