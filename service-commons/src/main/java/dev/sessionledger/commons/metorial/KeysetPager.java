package dev.sessionledger.commons.metorial;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Runs a Metorial list request as a keyset scan over an entity's time-ordered {@code id}: one
 * bounded read from the anchor plus, when there is an anchor, a one-row probe behind it. Both are
 * served by an index that ends in {@code id} after the filter's equality columns.
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
        bound.put("anchor", request.anchor().id());
        List<E> rows = repository.find(where + " and id " + request.beyondAnchor() + " :anchor"
                + orderBy(orderLead, direction), bound).page(0, request.fetchSize()).list();
        // Walking away from the anchor finds the nearest row behind it first, whatever lies further.
        boolean behind = repository.find(where + " and id " + request.behindAnchor() + " :anchor"
                + orderBy(orderLead, opposite), bound).page(0, 1).firstResultOptional().isPresent();
        return request.page(rows, behind);
    }

    private static String orderBy(String orderLead, String direction) {
        return " order by " + (orderLead == null ? "" : orderLead + " " + direction + ", ") + "id " + direction;
    }
}
