package dev.sessionledger.sessions.mcp;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialEnvelope;
import dev.sessionledger.sessions.mcp.McpViews.LookupView;

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

    /** An id that names nothing when malformed: a 404, as for an id that is well formed but unknown. */
    @GET
    @Operation(summary = "Check that a session (and server session, provider run) exists")
    public LookupView lookup(@PathParam("session_id") String sessionId,
            @Parameter(description = "A server session (spr_...) that must belong to the session.",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("server_session_id") String serverSessionId,
            @Parameter(description = "A provider run (srr_...) that must belong to the session, and to the server "
                    + "session when one is named.", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("provider_run_id") String providerRunId) {
        UUID session = IdPrefix.SESSION.existing(sessionId, McpSession.ENTITY);
        UUID serverSession = blank(serverSessionId) ? null
                : IdPrefix.SESSION_PROVIDER.existing(serverSessionId, McpSessionProvider.ENTITY);
        UUID run = blank(providerRunId) ? null : IdPrefix.PROVIDER_RUN.existing(providerRunId, McpProviderRun.ENTITY);
        return McpMapper.toView(lookup.lookup(caller.tenant(), session, serverSession, run));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
