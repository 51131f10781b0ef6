package dev.sessionledger.sessions.realtime.webhook;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;
import dev.sessionledger.sessions.realtime.RealtimeEnvelopes.Envelope;
import dev.sessionledger.sessions.realtime.RealtimeScope;

/** An app's webhook receivers, to register with RealtimeKit (administrators only). */
@ApiErrors(RealtimeKitEnvelope.class)
@Path("/accounts/{account_id}/realtime/kit/{app_id}/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit webhook endpoints")
public class WebhookEndpointResource {

    @Inject
    WebhookEndpointService service;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a webhook receiver", description = "Answers the URL to register with RealtimeKit; "
            + "deliveries to it are checked against the receiver's own public key or the configured one.")
    public Response create(@PathParam("account_id") String accountId, @PathParam("app_id") String appId,
            @Valid WebhookEndpointViews.NewEndpoint body) {
        RealtimeScope scope = RealtimeScope.of(caller, accountId, appId);
        return Response.status(Response.Status.CREATED).entity(Envelope.of(service.create(caller, scope, body))).build();
    }

    @GET
    @Operation(summary = "List the app's webhook receivers")
    public Envelope<WebhookEndpointViews.Endpoints> list(@PathParam("account_id") String accountId,
            @PathParam("app_id") String appId) {
        RealtimeScope scope = RealtimeScope.of(caller, accountId, appId);
        return Envelope.of(new WebhookEndpointViews.Endpoints(service.list(caller, scope)));
    }

    @DELETE
    @Path("/{endpoint_id}")
    @Operation(summary = "Remove a webhook receiver", description = "Deliveries to it are refused from then on; "
            + "what they recorded stays.")
    public Envelope<Void> delete(@PathParam("account_id") String accountId, @PathParam("app_id") String appId,
            @PathParam("endpoint_id") String endpointId) {
        RealtimeScope scope = RealtimeScope.of(caller, accountId, appId);
        if (!service.delete(caller, scope, Uuids.existing(endpointId, "webhook endpoint"))) {
            throw Failure.notFound("webhook endpoint", endpointId);
        }
        return Envelope.of(null);
    }
}
