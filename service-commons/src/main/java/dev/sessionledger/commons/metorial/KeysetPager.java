package dev.sessionledger.commons.metorial;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Runs a Metorial list request as a keyset scan over an entity's time-ordered {@code id}: one
 * bounded read from the anchor, and a one-row probe behind it only when the anchor is not among
 * the rows read. Both are served by an index that ends in {@code id} after the filter's equality
 * columns.
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
        String direction = request.sqlDirection();
        String opposite = direction.equals("asc") ? "desc" : "asc";
        if (request.anchor() == null) {
            List<E> rows = repository.find(where + orderBy(orderLead, direction), params)
                    .page(0, request.fetchSize()).list();
            return request.page(rows, false);
        }
        Map<String, Object> bound = new HashMap<>(params);
        UUID anchor = request.anchor().id();
        bound.put("anchor", anchor);
        // The scan starts at the anchor itself. A client pages on from a row it was shown, so the
        // anchor is usually there, and it is the row behind the page: one read, not two.
        List<E> rows = repository.find(where + " and id " + request.fromAnchor() + " :anchor"
                + orderBy(orderLead, direction), bound).page(0, request.fetchSize() + 1).list();
        if (!rows.isEmpty() && anchor.equals(idOf(repository, rows.get(0)))) {
            return request.page(rows.subList(1, rows.size()), true);
        }
        // An anchor outside the filtered rows: walking away from it finds the nearest row behind
        // it first, whatever lies further.
        boolean behind = repository.find(where + " and id " + request.behindAnchor() + " :anchor"
                + orderBy(orderLead, opposite), bound).page(0, 1).firstResultOptional().isPresent();
        return request.page(rows.subList(0, Math.min(rows.size(), request.fetchSize())), behind);
    }

    private static Object idOf(PanacheRepositoryBase<?, ?> repository, Object entity) {
        return repository.getEntityManager().getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
    }

    private static String orderBy(String orderLead, String direction) {
        return " order by " + (orderLead == null ? "" : orderLead + " " + direction + ", ") + "id " + direction;
    }
}
