package dev.sessionledger.commons.metorial;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The filter of a keyset list query: HQL conditions joined by {@code and}, each with its value
 * bound as a named parameter, so that input never becomes query text.
 */
public final class KeysetFilter {

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> params = new HashMap<>();

    private KeysetFilter() {
    }

    /** A filter that starts with {@code field = value}, typically the tenant. */
    public static KeysetFilter of(String field, Object value) {
        return new KeysetFilter().and(field, value);
    }

    /** Adds {@code field = value}. */
    public KeysetFilter and(String field, Object value) {
        return andWhere(field + " = :?", value);
    }

    /** Adds {@code field in (values)}; no values means no condition, as for an absent filter. */
    public KeysetFilter andAnyOf(String field, Collection<?> values) {
        if (values.isEmpty()) {
            return this;
        }
        return andWhere(field + " in :?", values);
    }

    /**
     * Adds a condition of the caller's own, such as a subquery, whose one parameter is written
     * as {@code :?}; the value is bound under a name of the filter's choosing.
     */
    public KeysetFilter andWhere(String conditionWithPlaceholder, Object value) {
        String name = "f" + params.size();
        if (!where.isEmpty()) {
            where.append(" and ");
        }
        where.append(conditionWithPlaceholder.replace(":?", ":" + name));
        params.put(name, value);
        return this;
    }

    public String where() {
        return where.toString();
    }

    public Map<String, Object> params() {
        return Map.copyOf(params);
    }
}
