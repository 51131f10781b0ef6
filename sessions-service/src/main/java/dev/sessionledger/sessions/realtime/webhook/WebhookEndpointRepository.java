package dev.sessionledger.sessions.realtime.webhook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.sessionledger.sessions.realtime.RealtimeKey;
import dev.sessionledger.sessions.realtime.RealtimeScope;

/** Receivers, listed and removed within one tenant and app; found by id alone for a delivery. */
@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, RealtimeKey> {

    /** The receiver a delivery names; served by the unique index on its id. */
    public Optional<WebhookEndpoint> findByAddress(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /** Served by {@code rtk_webhook_endpoint_app_idx}; an app has a handful. */
    public List<WebhookEndpoint> listInScope(RealtimeScope scope) {
        return list("tenantId = ?1 and appId = ?2 order by createdAt, id", scope.tenant(), scope.appId());
    }

    public boolean deleteInScope(RealtimeScope scope, UUID id) {
        return delete("tenantId = ?1 and appId = ?2 and id = ?3", scope.tenant(), scope.appId(), id) > 0;
    }
}
