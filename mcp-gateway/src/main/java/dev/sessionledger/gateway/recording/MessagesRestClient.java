package dev.sessionledger.gateway.recording;

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

/** messages-service's batch ingest; only {@link MessageRecorder} calls it. */
@RegisterRestClient(configKey = "messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MessagesRestClient {

    @POST
    @Path("/sessions/{session_id}/messages")
    Response record(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("session_id") String sessionId, JsonNode batch);
}
