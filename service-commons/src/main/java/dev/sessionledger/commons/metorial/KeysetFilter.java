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
    private String orderLead;

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
     * Adds {@code field = value} and makes the scan walk the index {@code (..., field, id)}.
     * <p>
     * PostgreSQL's planner assumes matching rows are spread evenly along {@code id}, so for a
     * common value it may walk the primary key and filter, which reads most of a large session
     * when the matches sit at the other end. Written as a closed range and named first in the
     * order, the condition leaves only the index that leads with it able to give the order
     * without a sort, so a page costs the same at either end. At most one field leads.
     */
    public KeysetFilter andOrderedBy(String field, Object value) {
        if (orderLead != null) {
            throw new IllegalStateException("The order is already led by " + orderLead);
        }
        orderLead = field;
        return andWhere(field + " >= :? and " + field + " <= :?", value);
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

    /** The field that leads the order before {@code id}, or null. */
    public String orderLead() {
        return orderLead;
    }

    public Map<String, Object> params() {
        return Map.copyOf(params);
    }
}
