package dev.sessionledger.gateway.providers;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** sessions-service's internal provider look-up; only {@link ProviderDirectory} calls it. */
@RegisterRestClient(configKey = "sessions")
@Produces(MediaType.APPLICATION_JSON)
interface ProvidersRestClient {

    /** The raw response: a 404 is an answer here, not a failure. */
    @GET
    @Path("/internal/providers/{provider_id}")
    Response find(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("provider_id") String providerId);
}
