package dev.sessionledger.sessions.realtime.participant;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.sessionledger.sessions.realtime.PageParams;
import dev.sessionledger.sessions.realtime.QueryValues;
import dev.sessionledger.sessions.realtime.RealtimeBounds;

/** The query parameters of a session's participant list: search, order, view and page. */
public class ParticipantListParams extends PageParams {

    @QueryParam("search")
    @Parameter(description = "Search by display name, user id or custom participant id.",
            schema = @Schema(type = SchemaType.STRING, maxLength = RealtimeBounds.SEARCH))
    public List<String> search;

    @QueryParam("sort_by")
    @Parameter(description = "The field participants are sorted by; a peer still inside lasts until now.",
            schema = @Schema(type = SchemaType.STRING, enumeration = { ParticipantQuery.SORT_JOINED,
                    ParticipantQuery.SORT_DURATION }, defaultValue = ParticipantQuery.SORT_JOINED))
    public List<String> sortBy;

    @QueryParam("sort_order")
    @Parameter(description = "The direction of the sort.", schema = @Schema(type = SchemaType.STRING,
            enumeration = { "ASC", "DESC" }, defaultValue = "ASC"))
    public List<String> sortOrder;

    @QueryParam("include_peer_events")
    @Parameter(description = "Adds each participant's peer_events.",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public List<String> includePeerEvents;

    @QueryParam("view")
    @Parameter(description = "raw: one row per peer (one stay); consolidated: one row per person over all their "
            + "stays.", schema = @Schema(type = SchemaType.STRING, enumeration = { ParticipantQuery.VIEW_RAW,
                    ParticipantQuery.VIEW_CONSOLIDATED }, defaultValue = ParticipantQuery.VIEW_RAW))
    public List<String> view;

    /** The query these parameters ask for; a value out of its bounds is a 400 naming its parameter. */
    public ParticipantQuery toQuery() {
        String text = QueryValues.text("search", search, RealtimeBounds.SEARCH);
        String sort = QueryValues.choice("sort_by", sortBy, List.of(ParticipantQuery.SORT_JOINED,
                ParticipantQuery.SORT_DURATION), ParticipantQuery.SORT_JOINED);
        boolean withEvents = QueryValues.flag("include_peer_events", includePeerEvents);
        String shown = QueryValues.choice("view", view, List.of(ParticipantQuery.VIEW_RAW,
                ParticipantQuery.VIEW_CONSOLIDATED), ParticipantQuery.VIEW_RAW);
        return new ParticipantQuery(text, sort, withEvents, ParticipantQuery.VIEW_CONSOLIDATED.equals(shown),
                page(sortOrder, true));
    }
}
