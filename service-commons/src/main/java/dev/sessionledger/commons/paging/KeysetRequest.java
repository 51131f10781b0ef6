package dev.sessionledger.commons.paging;

/**
 * Which page of a keyset list to read: the first one, or the one right after or right before an
 * anchor, exclusive of it.
 *
 * @param anchor null for the first page
 * @param before whether the page holds the rows before the anchor rather than after it
 */
public record KeysetRequest<A>(int limit, A anchor, boolean before) {

    public KeysetRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least one row");
        }
    }

    public static <A> KeysetRequest<A> first(int limit) {
        return new KeysetRequest<>(limit, null, false);
    }

    public static <A> KeysetRequest<A> after(int limit, A anchor) {
        return new KeysetRequest<>(limit, anchor, false);
    }

    public static <A> KeysetRequest<A> before(int limit, A anchor) {
        return new KeysetRequest<>(limit, anchor, true);
    }
}
