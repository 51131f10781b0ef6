package dev.sessionledger.messages.mcp;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiException;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;

/** The Session Messages API: a session's MCP messages, in Metorial's shapes. */
@Path("/sessions/{session_id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session messages")
public class SessionMessageResource {

    @Inject
    SessionMessageService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List session messages", description = "Keyset-paged by id: limit, order, after, before.")
    public MetorialPage<SessionMessageView> list(@PathParam("session_id") String sessionId, @Context UriInfo uri) {
        UUID session = PrefixedId.parse(SessionMessageMapper.SESSION_PREFIX, sessionId)
                .orElseThrow(() -> ApiException.notFound("session", sessionId));
        MetorialListRequest request = MetorialListRequest.parse(uri.getQueryParameters(), SessionMessageMapper.ID_PREFIX);
        return service.list(caller.tenant(), session, request).map(SessionMessageMapper::toView);
    }
}
