package dev.sessionledger.messages.sessions;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** sessions-service's internal session lookup; only {@link SessionsClient} calls it. */
@RegisterRestClient(configKey = "sessions")
@Produces(MediaType.APPLICATION_JSON)
interface SessionsRestClient {

    /** Answers with the raw response: a 404 is an answer here, not a failure. */
    @GET
    @Path("/internal/mcp/sessions/{session_id}")
    Response lookup(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("session_id") String sessionId,
            @QueryParam("server_session_id") String serverSessionId,
            @QueryParam("provider_run_id") String providerRunId);
}
