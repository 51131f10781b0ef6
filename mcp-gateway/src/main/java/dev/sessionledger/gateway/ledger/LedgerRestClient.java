package dev.sessionledger.gateway.ledger;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** sessions-service's MCP write API; only {@link SessionLedger} calls it. */
@RegisterRestClient(configKey = "sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface LedgerRestClient {

    @POST
    @Path("/sessions")
    Response createSession(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode body);

    @POST
    @Path("/sessions/{session_id}/connections")
    Response connect(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("session_id") String sessionId, JsonNode body);

    @POST
    @Path("/sessions/{session_id}/providers")
    Response attachProvider(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("session_id") String sessionId, JsonNode body);

    @POST
    @Path("/sessions/{session_id}/providers/{session_provider_id}/runs")
    Response startRun(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("session_id") String sessionId, @PathParam("session_provider_id") String serverSessionId);

    @POST
    @Path("/sessions/{session_id}/connections/{connection_id}/disconnect")
    Response disconnect(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("session_id") String sessionId, @PathParam("connection_id") String connectionId);

    @POST
    @Path("/sessions/{session_id}/end")
    Response end(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("session_id") String sessionId);
}
