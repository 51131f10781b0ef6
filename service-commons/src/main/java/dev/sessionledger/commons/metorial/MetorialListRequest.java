package dev.sessionledger.commons.metorial;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.params.QueryStrings;
import dev.sessionledger.commons.params.WholeNumbers;

/**
 * The paging part of a Metorial list request ({@code limit}, {@code order}, {@code after},
 * {@code before}, {@code cursor}; the first of the last three that is given wins) and how it
 * becomes a keyset scan over time-ordered ids.
 * <p>
 * A page is read by scanning the id index from the anchor in one direction and taking one row
 * more than the limit, which tells whether more rows lie beyond the page.
 */
public record MetorialListRequest(int limit, boolean descending, Anchor anchor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Where a page starts: just after or just before an id, exclusive. */
    public record Anchor(UUID id, boolean before) {
    }

    public static MetorialListRequest parse(MultivaluedMap<String, String> query, String idPrefix) {
        return of(query.get("limit"), query.get("order"), query.get("after"), query.get("before"),
                query.get(MetorialCursor.PARAMETER), idPrefix);
    }

    /** The request of a list's paging parameters, each as given (absent is null). */
    static MetorialListRequest of(List<String> limitValues, List<String> orderValues, List<String> afterValues,
            List<String> beforeValues, List<String> cursorValues, String idPrefix) {
        int limit = WholeNumbers.parse("limit", QueryStrings.single("limit", limitValues), DEFAULT_LIMIT, 1, MAX_LIMIT);
        boolean descending = parseOrder(QueryStrings.single("order", orderValues));
        String after = QueryStrings.single("after", afterValues);
        String before = QueryStrings.single("before", beforeValues);
        String cursor = QueryStrings.single(MetorialCursor.PARAMETER, cursorValues);
        Anchor anchor = null;
        if (after != null) {
            anchor = new Anchor(parseId("after", after, idPrefix), false);
        } else if (before != null) {
            anchor = new Anchor(parseId("before", before, idPrefix), true);
        } else if (cursor != null) {
            anchor = MetorialCursor.decode(cursor, idPrefix);
        }
        return new MetorialListRequest(limit, descending, anchor);
    }

    /** Whether the scan walks the id index upwards. */
    public boolean scanAscending() {
        return descending == (anchor != null && anchor.before());
    }

    /** The comparison that keeps rows strictly beyond the anchor, in the scan's direction. */
    public String beyondAnchor() {
        return scanAscending() ? ">" : "<";
    }

    /** The comparison that keeps the anchor and the rows beyond it, in the scan's direction. */
    public String fromAnchor() {
        return scanAscending() ? ">=" : "<=";
    }

    /** The comparison that finds rows on the other side of the anchor, the anchor itself included. */
    public String behindAnchor() {
        return scanAscending() ? "<=" : ">=";
    }

    public String sqlDirection() {
        return scanAscending() ? "asc" : "desc";
    }

    /** How many rows a scan reads: one more than the page, to learn whether more follow. */
    public int fetchSize() {
        return limit + 1;
    }

    /**
     * Builds the page from the rows of a scan.
     *
     * @param scanned     rows in scan order, at most {@link #fetchSize()}
     * @param rowsBehind  whether rows exist on the other side of the anchor (false without one)
     */
    public <T> MetorialPage<T> page(List<T> scanned, boolean rowsBehind) {
        boolean more = scanned.size() > limit;
        List<T> items = new java.util.ArrayList<>(scanned.subList(0, Math.min(limit, scanned.size())));
        boolean before = anchor != null && anchor.before();
        if (before) {
            java.util.Collections.reverse(items);
        }
        return new MetorialPage<>(items, new MetorialPage.Pagination(before ? more : rowsBehind, before ? rowsBehind : more));
    }


    private static boolean parseOrder(String text) {
        if (text == null || text.equalsIgnoreCase("asc")) {
            return false;
        }
        if (text.equalsIgnoreCase("desc")) {
            return true;
        }
        throw Failure.invalid("order", "must be asc or desc");
    }

    private static UUID parseId(String parameter, String text, String idPrefix) {
        return PrefixedId.parse(idPrefix, text)
                .orElseThrow(() -> Failure.invalid(parameter, "must be an id starting with " + idPrefix + "_"));
    }
}
