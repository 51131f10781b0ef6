package dev.sessionledger.sessions.mcp;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiException;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;

/** MCP sessions of the caller's tenant, in Metorial's shapes. */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "MCP sessions")
public class McpSessionResource {

    private static final String ENTITY = "session";

    @Inject
    McpSessionService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List sessions", description = "Keyset-paged by id: limit, order, after, before.")
    public MetorialPage<McpSessionView> list(@Context UriInfo uri) {
        MetorialListRequest request = MetorialListRequest.parse(uri.getQueryParameters(), McpSessionMapper.ID_PREFIX);
        return service.list(caller.tenant(), request).map(McpSessionMapper::toView);
    }

    @GET
    @Path("/{session_id}")
    @Operation(summary = "Get a session")
    public McpSessionView get(@PathParam("session_id") String sessionId) {
        return PrefixedId.parse(McpSessionMapper.ID_PREFIX, sessionId)
                .flatMap(id -> service.find(caller.tenant(), id))
                .map(McpSessionMapper::toView)
                .orElseThrow(() -> ApiException.notFound(ENTITY, sessionId));
    }

    @POST
    @Operation(summary = "Start a session")
    public Response create(@Valid CreateMcpSessionRequest body) {
        McpSession session = service.create(caller.tenant(), body == null ? null : body.metadata());
        return Response.status(Response.Status.CREATED).entity(McpSessionMapper.toView(session)).build();
    }
}
