package dev.sessionledger.sessions.realtime;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.params.QueryStrings;
import dev.sessionledger.commons.params.Timestamps;

/** The filters and order of {@code GET /sessions}, parsed and checked. */
public record SessionQuery(String associatedId, String status, Instant startTime, Instant endTime, String search,
        Integer minParticipants, Integer maxParticipants, String sortBy, PageRequest page) {

    public static final String SORT_CREATED = "createdAt";
    public static final String SORT_MINUTES = "minutesConsumed";

    private static final Pattern RANGE = Pattern.compile("(\\d{1,6})?(:)?(\\d{1,6})?");

    public static SessionQuery parse(MultivaluedMap<String, String> query) {
        String status = PageRequest.choice(query, "status", List.of(RealtimeSession.LIVE, RealtimeSession.ENDED),
                null);
        Instant start = time(query, "start_time");
        Instant end = time(query, "end_time");
        if (start != null && end != null && end.isBefore(start)) {
            throw Failure.invalid("end_time", "must not be before start_time");
        }
        Integer[] range = participants(QueryStrings.single(query, "participants"));
        String sortBy = PageRequest.choice(query, "sort_by", List.of(SORT_CREATED, SORT_MINUTES), SORT_CREATED);
        return new SessionQuery(PageRequest.text(query, "associated_id", RealtimeBounds.ASSOCIATED_ID), status, start,
                end, PageRequest.text(query, "search", RealtimeBounds.SEARCH), range[0], range[1], sortBy,
                PageRequest.parse(query, false));
    }

    /** The search text as a session id, when it is one. */
    public UUID searchId() {
        return RealtimeIds.parse(search).orElse(null);
    }

    private static Instant time(MultivaluedMap<String, String> query, String name) {
        String text = QueryStrings.single(query, name);
        if (text == null) {
            return null;
        }
        return Timestamps.parse(name, text);
    }

    /** {@code 1:10}, {@code 3:} (at least), {@code :5} (at most) or {@code 4} (exactly). */
    private static Integer[] participants(String text) {
        if (text == null) {
            return new Integer[] { null, null };
        }
        Matcher m = RANGE.matcher(text.trim());
        if (!m.matches() || (m.group(1) == null && m.group(3) == null) || (m.group(2) == null && m.group(3) != null)) {
            throw Failure.invalid("participants", "must be a count or a range such as 1:10, 3: or :5");
        }
        Integer min = m.group(1) == null ? null : Integer.valueOf(m.group(1));
        Integer max = m.group(2) == null ? min : m.group(3) == null ? null : Integer.valueOf(m.group(3));
        if (min != null && max != null && max < min) {
            throw Failure.invalid("participants", "the upper bound must not be below the lower bound");
        }
        return new Integer[] { min, max };
    }
}
