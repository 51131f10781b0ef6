package dev.sessionledger.commons.paging;

import java.util.List;

/**
 * The query of one list, as the list's owner writes it: rows in the list's order or in its reverse,
 * starting at an anchor. {@link ScanPager} makes pages of it.
 *
 * @param <T> a row
 * @param <A> an anchor: what names a row's place in the order (its id, or its sort values)
 */
@FunctionalInterface
public interface KeysetScan<T, A> {

    /** Which way a read walks the list's order. */
    enum Direction {
        /** In the list's order. */
        FORWARD,
        /** Against it, for the rows before an anchor. */
        BACKWARD;

        public Direction opposite() {
            return this == FORWARD ? BACKWARD : FORWARD;
        }
    }

    /**
     * Up to {@code limit} rows beyond {@code anchor} in {@code direction}, nearest first.
     *
     * @param anchor    where the read starts, or null for the start of the list in that direction
     * @param inclusive whether the anchor's own row, when it is among the rows, is read too
     */
    List<T> read(A anchor, Direction direction, boolean inclusive, int limit);
}
