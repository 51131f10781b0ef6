package dev.sessionledger.commons.metorial;

import java.util.Map;
import java.util.UUID;

import org.hibernate.query.QueryProducer;
import org.hibernate.query.SelectionQuery;

import dev.sessionledger.commons.paging.KeysetScan;
import dev.sessionledger.commons.paging.ScanPager;
import dev.sessionledger.commons.persistence.RowSelect;

/**
 * Runs a Metorial list request as a keyset scan over an entity's time-ordered {@code id}, paged by
 * {@link ScanPager}: one bounded read from the anchor, and a one-row probe behind it only when the
 * anchor is not among the rows read. Both are served by an index that ends in {@code id} after the
 * filter's equality columns. Rows are read as records ({@link RowSelect}), never as entities.
 */
public final class KeysetPager {

    private KeysetPager() {
    }

    /** One page of the rows that {@code filter} keeps, in the index its {@link KeysetFilter#orderLead()} names. */
    public static <R extends Record & KeysetRow> MetorialPage<R> page(QueryProducer session, RowSelect<R> rows,
            KeysetFilter filter, MetorialListRequest request) {
        String where = filter.where();
        Map<String, Object> params = filter.params();
        String orderLead = filter.orderLead();
        KeysetScan<R, UUID> scan = (anchor, direction, inclusive, limit) -> {
            String order = orderBy(orderLead, request.ascending(direction) ? "asc" : "desc");
            SelectionQuery<R> query;
            if (anchor == null) {
                query = rows.where(session, where + order);
            } else {
                String comparison = (request.ascending(direction) ? ">" : "<") + (inclusive ? "=" : "");
                query = rows.where(session, where + " and id " + comparison + " :anchor" + order)
                        .setParameter("anchor", anchor);
            }
            params.forEach(query::setParameter);
            return query.setMaxResults(limit).getResultList();
        };
        return MetorialPage.of(ScanPager.page(scan, request.keyset(), (row, anchor) -> anchor.equals(row.id())));
    }

    private static String orderBy(String orderLead, String direction) {
        return " order by " + (orderLead == null ? "" : orderLead + " " + direction + ", ") + "id " + direction;
    }
}
