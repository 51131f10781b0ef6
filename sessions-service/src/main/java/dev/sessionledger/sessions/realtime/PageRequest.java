package dev.sessionledger.sessions.realtime;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.params.QueryStrings;
import dev.sessionledger.commons.params.WholeNumbers;

/** RealtimeKit's offset paging ({@code page_no}, {@code per_page}) and sort direction ({@code sort_order}). */
public record PageRequest(int pageNo, int perPage, boolean ascending) {

    public static final int DEFAULT_PER_PAGE = 20;
    public static final int MAX_PER_PAGE = 100;
    /** Deep offsets cost a scan of everything before them; no real listing goes this far. */
    public static final int MAX_PAGE_NO = 10_000;

    public static PageRequest parse(MultivaluedMap<String, String> query, boolean defaultAscending) {
        int pageNo = number(query, "page_no", 1, 1, MAX_PAGE_NO);
        int perPage = number(query, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
        String order = QueryStrings.single(query, "sort_order");
        boolean ascending = defaultAscending;
        if (order != null) {
            ascending = switch (order) {
                case "ASC" -> true;
                case "DESC" -> false;
                default -> throw Failure.invalid("sort_order", "must be ASC or DESC");
            };
        }
        return new PageRequest(pageNo, perPage, ascending);
    }

    public int offset() {
        return (pageNo - 1) * perPage;
    }

    public <T> RealtimeViews.Paging paging(List<T> items, long total) {
        long start = offset();
        return new RealtimeViews.Paging(start, items.isEmpty() ? start : start + items.size() - 1, total);
    }

    /** One of the allowed values of a query parameter, or {@code fallback} when absent. */
    public static String choice(MultivaluedMap<String, String> query, String name, List<String> allowed,
            String fallback) {
        String value = QueryStrings.single(query, name);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw Failure.invalid(name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** A free-text query parameter of at most {@code maxLength} characters, or null when absent. */
    public static String text(MultivaluedMap<String, String> query, String name, int maxLength) {
        String value = QueryStrings.single(query, name);
        if (value != null && value.length() > maxLength) {
            throw Failure.invalid(name, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    public static boolean flag(MultivaluedMap<String, String> query, String name) {
        return "true".equals(choice(query, name, List.of("true", "false"), "false"));
    }

    private static int number(MultivaluedMap<String, String> query, String name, int fallback, int min, int max) {
        return WholeNumbers.parse(name, QueryStrings.single(query, name), fallback, min, max);
    }
}
