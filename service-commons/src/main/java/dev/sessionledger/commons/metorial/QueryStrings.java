package dev.sessionledger.commons.metorial;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.sessionledger.commons.errors.ApiException;

/** Reads query parameters the way Metorial's SDK writes them ({@code qs} style). */
public final class QueryStrings {

    /** Longer values are never legitimate ids, orders or numbers. */
    static final int MAX_VALUE_LENGTH = 512;

    private QueryStrings() {
    }

    /** A parameter given at most once; a second value is a 400 naming it. */
    public static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.invalid(name, "must be given once");
        }
        String value = values.get(0);
        if (value.length() > MAX_VALUE_LENGTH) {
            throw ApiException.invalid(name, "is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        return value.isEmpty() ? null : value;
    }
}
