package dev.sessionledger.sessions.realtime.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.sessions.realtime.BodyValues;
import dev.sessionledger.sessions.realtime.RealtimeConfig;
import dev.sessionledger.sessions.realtime.RealtimeScope;

/** Administrators make, list and remove an app's receivers. */
@ApplicationScoped
public class WebhookEndpointService {

    /** Where RealtimeKit delivers, below the public base URL. */
    public static final String RECEIVER_PATH = "/webhooks/realtimekit/";

    @Inject
    Clock clock;

    @Inject
    WebhookEndpointRepository endpoints;

    @Inject
    WebhookKeys keys;

    @Inject
    RealtimeConfig config;

    /** A receiver with a random id; its key must be readable, and some key must check its deliveries. */
    @Transactional
    public WebhookEndpointViews.Endpoint create(Caller caller, RealtimeScope scope, WebhookEndpointViews.NewEndpoint body) {
        requireAdmin(caller);
        String pem = body == null ? null : BodyValues.text(body.publicKey());
        if (pem != null) {
            try {
                WebhookKeys.parse(pem);
            } catch (IllegalArgumentException e) {
                throw Failure.invalid("public_key", e.getMessage());
            }
        } else if (!keys.hasConfiguredKey()) {
            throw Failure.invalid("public_key", "is required: no RealtimeKit key is configured for this service "
                    + "(REALTIMEKIT_WEBHOOK_PUBLIC_KEY), so deliveries could not be checked");
        }
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.tenantId = scope.tenant();
        endpoint.id = UUID.randomUUID();
        endpoint.appId = scope.appId();
        endpoint.name = body == null ? null : BodyValues.text(body.name());
        endpoint.publicKey = pem;
        endpoint.createdAt = Instant.now(clock);
        endpoints.persist(endpoint);
        return view(endpoint);
    }

    public List<WebhookEndpointViews.Endpoint> list(Caller caller, RealtimeScope scope) {
        requireAdmin(caller);
        return endpoints.listInScope(scope).stream().map(this::view).toList();
    }

    @Transactional
    public boolean delete(Caller caller, RealtimeScope scope, UUID id) {
        requireAdmin(caller);
        return endpoints.deleteInScope(scope, id);
    }

    private WebhookEndpointViews.Endpoint view(WebhookEndpoint e) {
        String base = config.downloads().baseUrl().replaceAll("/+$", "");
        return new WebhookEndpointViews.Endpoint(e.id.toString(), e.appId, e.name, base + RECEIVER_PATH + e.id,
                e.publicKey != null, e.createdAt);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw Failure.forbidden("Only administrators manage webhook endpoints");
        }
    }
}
