package dev.sessionledger.commons.metorial;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.sessionledger.commons.paging.KeysetScan;
import dev.sessionledger.commons.paging.ScanPager;

/**
 * Runs a Metorial list request as a keyset scan over an entity's time-ordered {@code id}, paged by
 * {@link ScanPager}: one bounded read from the anchor, and a one-row probe behind it only when the
 * anchor is not among the rows read. Both are served by an index that ends in {@code id} after the
 * filter's equality columns.
 */
public final class KeysetPager {

    private KeysetPager() {
    }

    /** One page of the rows that {@code filter} keeps, in the index its {@link KeysetFilter#orderLead()} names. */
    public static <E> MetorialPage<E> page(PanacheRepositoryBase<E, ?> repository, KeysetFilter filter,
            MetorialListRequest request) {
        return page(repository, filter.where(), filter.params(), filter.orderLead(), request);
    }

    /**
     * @param where  an HQL condition with named parameters, always including the tenant
     * @param params the values bound to {@code where}
     */
    public static <E> MetorialPage<E> page(PanacheRepositoryBase<E, ?> repository, String where,
            Map<String, Object> params, MetorialListRequest request) {
        return page(repository, where, params, null, request);
    }

    private static <E> MetorialPage<E> page(PanacheRepositoryBase<E, ?> repository, String where,
            Map<String, Object> params, String orderLead, MetorialListRequest request) {
        KeysetScan<E, UUID> scan = (anchor, direction, inclusive, limit) -> {
            boolean ascending = request.ascending(direction);
            String order = orderBy(orderLead, ascending ? "asc" : "desc");
            if (anchor == null) {
                return repository.find(where + order, params).page(0, limit).list();
            }
            Map<String, Object> bound = new HashMap<>(params);
            bound.put("anchor", anchor);
            String comparison = (ascending ? ">" : "<") + (inclusive ? "=" : "");
            return repository.find(where + " and id " + comparison + " :anchor" + order, bound).page(0, limit).list();
        };
        return MetorialPage.of(ScanPager.page(scan, request.keyset(),
                (row, anchor) -> anchor.equals(idOf(repository, row))));
    }

    private static Object idOf(PanacheRepositoryBase<?, ?> repository, Object entity) {
        return repository.getEntityManager().getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
    }

    private static String orderBy(String orderLead, String direction) {
        return " order by " + (orderLead == null ? "" : orderLead + " " + direction + ", ") + "id " + direction;
    }
}
