package dev.sessionledger.sessions.realtime.webhook;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;
import dev.sessionledger.sessions.realtime.RealtimeEnvelopes.Envelope;

/**
 * Where RealtimeKit delivers a receiver's events. No bearer token: the {@code rtk-signature}
 * header authorizes a delivery. 2xx once it is stored (or was before: a replay changes nothing);
 * 401 for a signature that does not check, 400 for a body that does not read (neither is retried
 * by RealtimeKit); 503 only when the database cannot store it, which RealtimeKit retries.
 */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(WebhookEndpointService.RECEIVER_PATH + "{endpoint_id}")
@Tag(name = "RealtimeKit webhook endpoints")
public class WebhookReceiverResource {

    @Inject
    WebhookDeliveries deliveries;

    /** What became of the delivery. */
    public record Accepted(String event, String outcome, String importError) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a RealtimeKit webhook delivery", description = "The body is checked against its "
            + "rtk-signature before it is read; deliveries are stored once, by rtk-uuid and by the body's hash.")
    public Envelope<Accepted> receive(@PathParam("endpoint_id") String endpointId,
            @HeaderParam("rtk-signature") String signature, @HeaderParam("rtk-uuid") String deliveryUuid, byte[] body) {
        WebhookDeliveries.Receipt receipt = deliveries.receive(Uuids.existing(endpointId, "webhook endpoint"),
                body == null ? new byte[0] : body, signature, deliveryUuid);
        return Envelope.of(new Accepted(receipt.event(), receipt.outcome().wire(), receipt.importError()));
    }
}
