package dev.sessionledger.sessions.mcp;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialEnvelope;
import dev.sessionledger.commons.metorial.MetorialListParams;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.commons.persistence.IdempotentCreate;
import dev.sessionledger.sessions.mcp.McpViews.ConnectionView;
import dev.sessionledger.sessions.mcp.McpViews.ProviderRunView;
import dev.sessionledger.sessions.mcp.McpViews.SessionProviderView;
import dev.sessionledger.sessions.mcp.McpViews.SessionView;

/**
 * MCP sessions of the caller's tenant, in Metorial's shapes, and what is written into them:
 * connections, providers and provider runs. Creates take an optional {@code Idempotency-Key}.
 */
@ApiErrors(MetorialEnvelope.class)
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MCP sessions")
public class McpSessionResource {

    @Inject
    McpSessionService sessions;

    @Inject
    McpConnectionService connections;

    @Inject
    McpProviderService providers;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List sessions", description = "Keyset-paged by id: limit, order, after, before, cursor. "
            + "Each session with its clients, providers and usage (null while messages-service cannot answer).")
    public MetorialPage<SessionView> list(@BeanParam MetorialListParams page,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return sessions.list(caller.tenant(), authorization, page.toRequest(IdPrefix.SESSION)).map(McpMapper::toView);
    }

    @GET
    @Path("/{session_id}")
    @Operation(summary = "Get a session", description = "With its clients, providers and usage (null while "
            + "messages-service cannot answer).")
    public SessionView get(@PathParam("session_id") String sessionId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return McpMapper.toView(sessions.read(caller.tenant(), authorization, session(sessionId)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a session")
    public Response create(@Valid McpRequests.CreateSession body,
            @HeaderParam(IdempotentCreate.HEADER) @Size(max = 200) String idempotencyKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        McpSession session = sessions.create(caller.tenant(), body == null ? null : body.metadata(), idempotencyKey);
        return created(McpMapper.toView(sessions.detail(caller.tenant(), authorization, session)));
    }

    @POST
    @Path("/{session_id}/end")
    @Operation(summary = "End a session", description = "Disconnects its connections and stops its provider runs.")
    public SessionView end(@PathParam("session_id") String sessionId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        McpSession ended = sessions.end(caller.tenant(), session(sessionId));
        return McpMapper.toView(sessions.detail(caller.tenant(), authorization, ended));
    }

    @POST
    @Path("/{session_id}/connections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a client connection", description = "From the client's MCP initialize request; "
            + "the client becomes (or is found to be) a participant.")
    public Response connect(@PathParam("session_id") String sessionId,
            @Valid @NotNull(message = "is required") McpRequests.OpenConnection body,
            @HeaderParam(IdempotentCreate.HEADER) @Size(max = 200) String idempotencyKey) {
        return created(McpMapper.toView(connections.open(caller.tenant(), session(sessionId), body, idempotencyKey)));
    }

    @POST
    @Path("/{session_id}/connections/{connection_id}/disconnect")
    @Operation(summary = "Disconnect a client connection")
    public ConnectionView disconnect(@PathParam("session_id") String sessionId,
            @PathParam("connection_id") String connectionId) {
        UUID session = session(sessionId);
        UUID connection = IdPrefix.CONNECTION.existing(connectionId, McpConnection.ENTITY);
        return McpMapper.toView(connections.disconnect(caller.tenant(), session, connection));
    }

    @POST
    @Path("/{session_id}/providers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach a provider", description = "Creates a server session; the provider becomes "
            + "(or is found to be) a participant.")
    public Response attach(@PathParam("session_id") String sessionId,
            @Valid @NotNull(message = "is required") McpRequests.AttachProvider body,
            @HeaderParam(IdempotentCreate.HEADER) @Size(max = 200) String idempotencyKey) {
        return created(McpMapper.toView(providers.attach(caller.tenant(), session(sessionId), body, idempotencyKey)));
    }

    @GET
    @Path("/{session_id}/providers/{session_provider_id}")
    @Operation(summary = "Get a server session")
    public SessionProviderView provider(@PathParam("session_id") String sessionId,
            @PathParam("session_provider_id") String providerId) {
        return McpMapper.toView(providers.get(caller.tenant(), session(sessionId), provider(providerId)));
    }

    @POST
    @Path("/{session_id}/providers/{session_provider_id}/runs")
    @Operation(summary = "Start a provider run")
    public Response startRun(@PathParam("session_id") String sessionId,
            @PathParam("session_provider_id") String providerId,
            @HeaderParam(IdempotentCreate.HEADER) @Size(max = 200) String idempotencyKey) {
        return created(McpMapper.toView(
                providers.startRun(caller.tenant(), session(sessionId), provider(providerId), idempotencyKey)));
    }

    @POST
    @Path("/{session_id}/providers/{session_provider_id}/runs/{provider_run_id}/stop")
    @Operation(summary = "Stop a provider run")
    public ProviderRunView stopRun(@PathParam("session_id") String sessionId,
            @PathParam("session_provider_id") String providerId, @PathParam("provider_run_id") String runId) {
        UUID session = session(sessionId);
        UUID provider = provider(providerId);
        UUID run = IdPrefix.PROVIDER_RUN.existing(runId, McpProviderRun.ENTITY);
        return McpMapper.toView(providers.stopRun(caller.tenant(), session, provider, run));
    }

    private static UUID session(String sessionId) {
        return IdPrefix.SESSION.existing(sessionId, McpSession.ENTITY);
    }

    private static UUID provider(String providerId) {
        return IdPrefix.SESSION_PROVIDER.existing(providerId, McpSessionProvider.ENTITY);
    }

    private static Response created(Object view) {
        return Response.status(Response.Status.CREATED).entity(view).build();
    }
}
