package dev.sessionledger.sessions.mcp;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialEnvelope;
import dev.sessionledger.commons.metorial.MetorialListParams;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.sessions.mcp.McpViews.ParticipantView;

/** The Session Participants API: who took part in the caller's MCP sessions. */
@ApiErrors(MetorialEnvelope.class)
@Path("/session-participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session participants")
public class SessionParticipantResource {

    @Inject
    McpParticipantService participants;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List session participants", description = "Keyset-paged by id (limit, order, after, "
            + "before, cursor); filters type, id, session_id, session_connection_id, session_message_id (one value or "
            + "several, qs style) and created_at / updated_at ranges ([gt], [gte], [lt], [lte]).")
    public MetorialPage<ParticipantView> list(@BeanParam MetorialListParams page,
            @BeanParam ParticipantListParams filters,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        MetorialListRequest request = page.toRequest(IdPrefix.PARTICIPANT);
        ParticipantQuery query = filters.toQuery();
        return participants.list(caller.tenant(), authorization, query, request).map(McpMapper::toView);
    }

    @GET
    @Path("/{session_participant_id}")
    @Operation(summary = "Get a session participant")
    public ParticipantView get(@PathParam("session_participant_id") String id) {
        return McpMapper.toView(participants.get(caller.tenant(),
                IdPrefix.PARTICIPANT.existing(id, McpParticipant.ENTITY)));
    }
}
