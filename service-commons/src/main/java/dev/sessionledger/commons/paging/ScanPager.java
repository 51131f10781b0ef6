package dev.sessionledger.commons.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiPredicate;

import dev.sessionledger.commons.paging.KeysetScan.Direction;

/**
 * Pages a {@link KeysetScan}: one read of a row more than the page, from the anchor in the page's
 * direction (backwards for "before", then put back in the list's order), which tells whether more
 * rows lie beyond the page; and a one-row probe the other way from the anchor, which tells whether
 * rows lie behind it. The probe counts the anchor's own row, since the row a client pages on from
 * is one it was shown.
 */
public final class ScanPager {

    private ScanPager() {
    }

    /** A page read past the anchor, then probed behind it. */
    public static <T, A> KeysetSlice<T> page(KeysetScan<T, A> scan, KeysetRequest<A> request) {
        Direction direction = direction(request);
        List<T> rows = scan.read(request.anchor(), direction, false, request.limit() + 1);
        return slice(rows, request, request.anchor() != null && probe(scan, request, direction));
    }

    /**
     * A page read from the anchor's own row on, for a scan that can tell the anchor's row: a client
     * usually pages on from a row it was shown, which is then the row behind the page, so one read
     * answers both questions. Only an anchor outside the rows needs the probe.
     */
    public static <T, A> KeysetSlice<T> page(KeysetScan<T, A> scan, KeysetRequest<A> request,
            BiPredicate<? super T, ? super A> isAnchor) {
        A anchor = request.anchor();
        if (anchor == null) {
            return page(scan, request);
        }
        Direction direction = direction(request);
        List<T> rows = scan.read(anchor, direction, true, request.limit() + 2);
        if (!rows.isEmpty() && isAnchor.test(rows.get(0), anchor)) {
            return slice(rows.subList(1, rows.size()), request, true);
        }
        List<T> beyond = rows.subList(0, Math.min(rows.size(), request.limit() + 1));
        return slice(beyond, request, probe(scan, request, direction));
    }

    /**
     * The page of the rows a read found, nearest the anchor first: at most {@code limit} of them, in
     * the list's order.
     *
     * @param read   up to one row more than the page, which says that more rows lie beyond it
     * @param behind whether rows lie on the other side of the anchor (false without one)
     */
    public static <T> KeysetSlice<T> slice(List<T> read, KeysetRequest<?> request, boolean behind) {
        boolean more = read.size() > request.limit();
        List<T> rows = new ArrayList<>(read.subList(0, Math.min(request.limit(), read.size())));
        if (request.before()) {
            Collections.reverse(rows);
            return new KeysetSlice<>(rows, more, behind);
        }
        return new KeysetSlice<>(rows, behind, more);
    }

    private static Direction direction(KeysetRequest<?> request) {
        return request.before() ? Direction.BACKWARD : Direction.FORWARD;
    }

    private static <T, A> boolean probe(KeysetScan<T, A> scan, KeysetRequest<A> request, Direction direction) {
        return !scan.read(request.anchor(), direction.opposite(), true, 1).isEmpty();
    }
}
