package dev.sessionledger.sessions.gateway;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialEnvelope;

/**
 * For mcp-gateway only (never routed by the ingress): the sessions it serves, so that every
 * replica serves every request of a session. The caller's own token, forwarded, names the tenant.
 */
@ApiErrors(MetorialEnvelope.class)
@Path("/internal/gateway/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class GatewaySessionResource {

    @Inject
    GatewaySessionService sessions;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a gateway session", description = "From a client's initialize through a provider: "
            + "the session, its connection, server session and run, in one transaction.")
    public Response open(@Valid @NotNull(message = "is required") GatewaySessionRequests.Open body) {
        return Response.status(Response.Status.CREATED)
                .entity(GatewaySessionView.of(sessions.open(caller.tenant(), body))).build();
    }

    @GET
    @Path("/{session_id}")
    @Operation(summary = "Get a gateway session")
    public GatewaySessionView get(@PathParam("session_id") String sessionId) {
        return GatewaySessionView.of(sessions.get(caller.tenant(), id(sessionId)));
    }

    @POST
    @Path("/{session_id}/activity")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a gateway session's activity", description = "Moves its idle deadline on; "
            + "keeps the upstream's session id when given. An ended session is answered as it is.")
    public GatewaySessionView touch(@PathParam("session_id") String sessionId,
            @Valid GatewaySessionRequests.Activity body) {
        return GatewaySessionView.of(sessions.touch(caller.tenant(), id(sessionId), body));
    }

    @POST
    @Path("/{session_id}/end")
    @Operation(summary = "End a gateway session", description = "Disconnects its connection and stops its run.")
    public GatewaySessionView end(@PathParam("session_id") String sessionId) {
        return GatewaySessionView.of(sessions.end(caller.tenant(), id(sessionId)));
    }

    private static UUID id(String sessionId) {
        return IdPrefix.SESSION.existing(sessionId, GatewaySession.ENTITY);
    }
}
