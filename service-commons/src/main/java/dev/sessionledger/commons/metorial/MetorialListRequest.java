package dev.sessionledger.commons.metorial;

import java.util.List;
import java.util.UUID;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.paging.KeysetRequest;
import dev.sessionledger.commons.paging.KeysetScan;
import dev.sessionledger.commons.paging.ScanPager;
import dev.sessionledger.commons.params.QueryStrings;
import dev.sessionledger.commons.params.WholeNumbers;

/**
 * The paging part of a Metorial list request ({@code limit}, {@code order}, {@code after},
 * {@code before}, {@code cursor}; the first of the last three that is given wins) and how it
 * becomes a keyset scan over time-ordered ids.
 * <p>
 * A page is read by scanning the id index from the anchor ({@link KeysetPager}).
 */
public record MetorialListRequest(int limit, boolean descending, Anchor anchor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Where a page starts: just after or just before an id, exclusive. */
    public record Anchor(UUID id, boolean before) {
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

    /** The page this request asks for, anchored on an id. */
    public KeysetRequest<UUID> keyset() {
        if (anchor == null) {
            return KeysetRequest.first(limit);
        }
        return anchor.before() ? KeysetRequest.before(limit, anchor.id()) : KeysetRequest.after(limit, anchor.id());
    }

    /** Whether a read in {@code direction} walks the id index upwards. */
    public boolean ascending(KeysetScan.Direction direction) {
        return descending == (direction == KeysetScan.Direction.BACKWARD);
    }

    /**
     * Builds the page from the rows of a scan.
     *
     * @param scanned    rows in scan order, nearest the anchor first, at most one more than the limit
     * @param rowsBehind whether rows exist on the other side of the anchor (false without one)
     */
    public <T> MetorialPage<T> page(List<T> scanned, boolean rowsBehind) {
        return MetorialPage.of(ScanPager.slice(scanned, keyset(), rowsBehind));
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
