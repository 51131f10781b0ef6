package dev.sessionledger.sessions.realtime.session;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.params.QueryStrings;
import dev.sessionledger.sessions.realtime.PageParams;
import dev.sessionledger.sessions.realtime.QueryValues;
import dev.sessionledger.sessions.realtime.RealtimeBounds;
import dev.sessionledger.sessions.realtime.meeting.RealtimeSession;
import dev.sessionledger.sessions.realtime.meeting.SessionQuery;

/** The query parameters of {@code GET /sessions}: filters, order and page. */
public class SessionListParams extends PageParams {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,6})?(:)?(\\d{1,6})?");

    @QueryParam("associated_id")
    @Parameter(description = "ID of the meeting that sessions should be associated with.",
            schema = @Schema(type = SchemaType.STRING, maxLength = RealtimeBounds.ASSOCIATED_ID))
    public List<String> associatedId;

    @QueryParam("status")
    @Parameter(description = "Only sessions in this state.",
            schema = @Schema(type = SchemaType.STRING, enumeration = { RealtimeSession.LIVE, RealtimeSession.ENDED }))
    public List<String> status;

    @QueryParam("start_time")
    @Parameter(description = "Only sessions started at or after this time (ISO-8601 with an offset).",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public List<String> startTime;

    @QueryParam("end_time")
    @Parameter(description = "Only sessions started at or before this time (ISO-8601 with an offset).",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public List<String> endTime;

    @QueryParam("search")
    @Parameter(description = "Search by meeting title, meeting id or session id.",
            schema = @Schema(type = SchemaType.STRING, maxLength = RealtimeBounds.SEARCH))
    public List<String> search;

    @QueryParam("participants")
    @Parameter(description = "The number of participants: a count (4) or a range such as 1:10, 3: (at least) or :5"
            + " (at most).", schema = @Schema(type = SchemaType.STRING, pattern = "\\d{0,6}:?\\d{0,6}"))
    public List<String> participants;

    @QueryParam("sort_by")
    @Parameter(description = "The field sessions are sorted by.", schema = @Schema(type = SchemaType.STRING,
            enumeration = { SessionQuery.SORT_CREATED, SessionQuery.SORT_MINUTES }, defaultValue = SessionQuery.SORT_CREATED))
    public List<String> sortBy;

    @QueryParam("sort_order")
    @Parameter(description = "The direction of the sort.", schema = @Schema(type = SchemaType.STRING,
            enumeration = { "ASC", "DESC" }, defaultValue = "DESC"))
    public List<String> sortOrder;

    /** The query these parameters ask for; a value out of its bounds is a 400 naming its parameter. */
    public SessionQuery toQuery() {
        String state = QueryValues.choice("status", status, List.of(RealtimeSession.LIVE, RealtimeSession.ENDED), null);
        Instant start = QueryValues.time("start_time", startTime);
        Instant end = QueryValues.time("end_time", endTime);
        if (start != null && end != null && end.isBefore(start)) {
            throw Failure.invalid("end_time", "must not be before start_time");
        }
        Integer[] range = range(QueryStrings.single("participants", participants));
        String sort = QueryValues.choice("sort_by", sortBy, List.of(SessionQuery.SORT_CREATED, SessionQuery.SORT_MINUTES),
                SessionQuery.SORT_CREATED);
        return new SessionQuery(QueryValues.text("associated_id", associatedId, RealtimeBounds.ASSOCIATED_ID), state,
                start, end, QueryValues.text("search", search, RealtimeBounds.SEARCH), range[0], range[1], sort,
                page(sortOrder, false));
    }

    /** {@code 1:10}, {@code 3:} (at least), {@code :5} (at most) or {@code 4} (exactly). */
    private static Integer[] range(String text) {
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
