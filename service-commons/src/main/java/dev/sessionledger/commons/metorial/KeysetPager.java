package dev.sessionledger.commons.metorial;

import java.util.UUID;

import dev.sessionledger.commons.paging.KeysetScan;
import dev.sessionledger.commons.paging.ScanPager;
import dev.sessionledger.commons.persistence.RowSelect;
import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.commons.persistence.SqlReads;

/**
 * Runs a Metorial list request as a keyset scan over a table's time-ordered {@code id}, paged by
 * {@link ScanPager}: one bounded read from the anchor, and a one-row probe behind it only when the
 * anchor is not among the rows read. Both are served by an index that ends in {@code id} after the
 * filter's equality columns. Rows are read as records ({@link RowSelect}) by plain statements.
 */
public final class KeysetPager {

    private KeysetPager() {
    }

    /** One page of the rows that {@code filter} keeps, in the index its {@link KeysetFilter#orderLead()} names. */
    public static <R extends Record & KeysetRow> MetorialPage<R> page(SqlReads reads, RowSelect<R> rows,
            KeysetFilter filter, MetorialListRequest request) {
        Sql where = filter.where();
        String orderLead = filter.orderLead();
        KeysetScan<R, UUID> scan = (anchor, direction, inclusive, limit) -> {
            boolean ascending = request.ascending(direction);
            Sql condition = where;
            if (anchor != null) {
                String comparison = (ascending ? ">" : "<") + (inclusive ? "=" : "");
                condition = condition.append(Sql.bound(" and id " + comparison + " ?", anchor));
            }
            String order = orderBy(orderLead, ascending ? "asc" : "desc");
            return rows.where(reads, condition.append(order).append(Sql.bound(" limit ?", limit)));
        };
        return MetorialPage.of(ScanPager.page(scan, request.keyset(), (row, anchor) -> anchor.equals(row.id())));
    }

    private static String orderBy(String orderLead, String direction) {
        return " order by " + (orderLead == null ? "" : orderLead + " " + direction + ", ") + "id " + direction;
    }
}
