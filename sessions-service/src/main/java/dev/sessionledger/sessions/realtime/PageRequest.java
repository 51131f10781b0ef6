package dev.sessionledger.sessions.realtime;

import java.util.List;

import dev.sessionledger.sessions.realtime.RealtimeEnvelopes.Paging;

/** RealtimeKit's offset paging ({@code page_no}, {@code per_page}) and sort direction ({@code sort_order}). */
public record PageRequest(int pageNo, int perPage, boolean ascending) {

    public static final int DEFAULT_PER_PAGE = 20;
    public static final int MAX_PER_PAGE = 100;
    /** Deep offsets cost a scan of everything before them; no real listing goes this far. */
    public static final int MAX_PAGE_NO = 10_000;

    public int offset() {
        return (pageNo - 1) * perPage;
    }

    public <T> Paging paging(List<T> items, long total) {
        long start = offset();
        return new Paging(start, items.isEmpty() ? start : start + items.size() - 1, total);
    }
}
