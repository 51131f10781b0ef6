package dev.sessionledger.gateway.ledger;

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

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** sessions-service's internal API of the gateway's sessions; only {@link SessionLedger} calls it. */
@RegisterRestClient(configKey = "sessions")
@Path("/internal/gateway/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface LedgerRestClient {

    @POST
    Response open(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/{session_id}")
    Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("session_id") String sessionId);

    @POST
    @Path("/{session_id}/activity")
    Response touch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("session_id") String sessionId, JsonNode body);

    @POST
    @Path("/{session_id}/end")
    Response end(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("session_id") String sessionId);
}
