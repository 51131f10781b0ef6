package dev.sessionledger.sessions.realtime.webhook;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.sessionledger.sessions.realtime.RealtimeBounds;
import dev.sessionledger.sessions.realtime.Text;

/** The bodies of the receiver endpoints (snake_case on the wire). */
public final class WebhookEndpointViews {

    private WebhookEndpointViews() {
    }

    /** {@code POST .../webhook-endpoints}: both fields optional. */
    public record NewEndpoint(
            @Schema(maxLength = RealtimeBounds.NAME) @Text(max = RealtimeBounds.NAME) String name,
            @Schema(description = "PEM of the RSA public key that signs this receiver's deliveries; without it, the "
                    + "key the service is configured with (REALTIMEKIT_WEBHOOK_PUBLIC_KEY)",
                    maxLength = WebhookKeys.MAX_PEM_LENGTH) String publicKey) {
    }

    /** A receiver: {@code url} is what to register with RealtimeKit. */
    public record Endpoint(String id, String appId, String name, String url, boolean ownKey, Instant createdAt) {
    }

    public record Endpoints(List<Endpoint> webhookEndpoints) {
    }
}
