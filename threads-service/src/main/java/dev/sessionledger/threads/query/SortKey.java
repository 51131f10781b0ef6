package dev.sessionledger.threads.query;

import dev.sessionledger.commons.persistence.Sql;

/** One key of a multi-key sort. */
public record SortKey(FilterField field, SortDirection direction) {

    public SortKey reversed() {
        return new SortKey(field, direction.reversed());
    }

    /** Where nulls go matters only for a column that can hold them. */
    boolean nullsFirst() {
        return field.nullable() && direction.nullsFirst();
    }

    String orderSql(boolean withNullPlacement) {
        String sql = field.column() + (direction.descending() ? " DESC" : " ASC");
        if (withNullPlacement && field.nullable()) {
            sql += direction.nullsFirst() ? " NULLS FIRST" : " NULLS LAST";
        }
        return sql;
    }
}
