package dev.sessionledger.commons.metorial;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.sessionledger.commons.persistence.Sql;

/**
 * The filter of a keyset list query: SQL conditions over a table's columns joined by {@code and},
 * each with its value bound to its {@code ?} markers, so that input never becomes query text.
 */
public final class KeysetFilter {

    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private String orderLead;

    private KeysetFilter() {
    }

    /** A filter that starts with {@code column = value}, typically the tenant. */
    public static KeysetFilter of(String column, Object value) {
        return new KeysetFilter().and(column, value);
    }

    /** Adds {@code column = value}. */
    public KeysetFilter and(String column, Object value) {
        return andWhere(column + " = ?", value);
    }

    /**
     * Adds {@code column = value} for one value, so that an index {@code (..., column, id)} gives
     * the order; for several, {@code column = any(values)}, one array whatever their number, so that
     * the statement and its plan stay the same. No values means no condition, as for an absent filter.
     */
    public KeysetFilter andAnyOf(String column, Collection<?> values) {
        if (values.isEmpty()) {
            return this;
        }
        Sql condition = Sql.anyOf(column, values);
        return andWhere(condition.text(), condition.params().get(0));
    }

    /**
     * Adds {@code column = value} and makes the scan walk the index {@code (..., column, id)}.
     * <p>
     * PostgreSQL's planner assumes matching rows are spread evenly along {@code id}, so for a
     * common value it may walk the primary key and filter, which reads most of a large session
     * when the matches sit at the other end. Written as a closed range and named first in the
     * order, the condition leaves only the index that leads with it able to give the order
     * without a sort, so a page costs the same at either end. At most one column leads.
     */
    public KeysetFilter andOrderedBy(String column, Object value) {
        if (orderLead != null) {
            throw new IllegalStateException("The order is already led by " + orderLead);
        }
        orderLead = column;
        return andWhere(column + " >= ? and " + column + " <= ?", value);
    }

    /**
     * Adds a condition of the caller's own, such as a subquery, each of whose {@code ?} markers is
     * bound to {@code value}.
     */
    public KeysetFilter andWhere(String conditionWithMarkers, Object value) {
        if (!where.isEmpty()) {
            where.append(" and ");
        }
        where.append(conditionWithMarkers);
        for (int i = conditionWithMarkers.indexOf('?'); i >= 0; i = conditionWithMarkers.indexOf('?', i + 1)) {
            params.add(value);
        }
        return this;
    }

    /** The conditions and their values. */
    public Sql where() {
        return new Sql(where.toString(), params);
    }

    /** The column that leads the order before {@code id}, or null. */
    public String orderLead() {
        return orderLead;
    }
}
