package dev.sessionledger.sessions.mcp;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.sessions.mcp.McpViews.LookupView;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.metorial.MetorialEnvelope;

/**
 * For messages-service only (never routed by the ingress): whether a session, and a server session
 * and provider run of it, exist for the caller's tenant, so that messages are recorded only against them.
 */
@ApiErrors(MetorialEnvelope.class)
@Path("/internal/mcp/sessions/{session_id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class InternalSessionLookupResource {

    @Inject
    SessionLookupService lookup;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Check that a session (and server session, provider run) exists")
    public LookupView lookup(@PathParam("session_id") String sessionId,
            @QueryParam("server_session_id") String serverSessionId,
            @QueryParam("provider_run_id") String providerRunId) {
        return lookup.lookup(caller.tenant(), sessionId, blankToNull(serverSessionId), blankToNull(providerRunId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
