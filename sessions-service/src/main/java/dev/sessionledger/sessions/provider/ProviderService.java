package dev.sessionledger.sessions.provider;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.commons.persistence.IdempotentCreate;
import dev.sessionledger.sessions.provider.ProviderRequests.CreateProvider;
import dev.sessionledger.sessions.provider.ProviderRequests.UpdateProvider;
import dev.sessionledger.sessions.provider.ProviderRows.ProviderRow;
import dev.sessionledger.sessions.provider.ProviderRows.UpstreamRow;

/**
 * Registers, changes and removes the providers of the caller's tenant (administrators only) and
 * reads them back (any caller of the tenant). Upstream headers are sealed on the way in and opened
 * only for the gateway's internal read.
 */
@ApplicationScoped
public class ProviderService {

    /** A provider with its upstream headers opened. */
    public record Upstream(UpstreamRow provider, Map<String, String> headers) {

        @Override
        public String toString() {
            return "Upstream[" + provider + ", headers=" + ProviderRequests.redacted(headers) + "]";
        }
    }

    @Inject
    ProviderRepository providers;

    @Inject
    HeaderVault vault;

    @Inject
    Clock clock;

    /**
     * A new provider, or the one a request with the same idempotency key already registered; of
     * two such requests at once, the one that loses the insert runs again and finds the other's.
     */
    @IdempotentCreate
    @Transactional
    public Provider create(Caller caller, CreateProvider request, String idempotencyKey) {
        requireAdmin(caller);
        String tenant = caller.tenant();
        if (idempotencyKey != null) {
            Optional<Provider> earlier = providers.byIdempotencyKey(tenant, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Provider provider = Provider.newIn(tenant);
        provider.name = request.name();
        provider.upstreamUrl = request.upstreamUrl();
        provider.recordingMode = request.recordingModeOrDefault();
        provider.upstreamHeaders = vault.seal(tenant, provider.id, request.headers());
        provider.idempotencyKey = idempotencyKey;
        providers.persistAndFlush(provider);
        return provider;
    }

    /** Changes what the request names; new headers replace the old ones whole. */
    @Transactional
    public Provider update(Caller caller, UUID id, UpdateProvider request) {
        requireAdmin(caller);
        Provider provider = find(caller.tenant(), id);
        if (request.name() != null) {
            provider.name = request.name();
        }
        if (request.upstreamUrl() != null) {
            provider.upstreamUrl = request.upstreamUrl();
        }
        if (request.recordingMode() != null) {
            provider.recordingMode = request.recordingMode();
        }
        Map<String, String> headers = request.headersOrNull();
        if (headers != null) {
            provider.upstreamHeaders = vault.seal(provider.tenantId, provider.id, headers);
        }
        provider.updatedAt = clock.instant();
        return provider;
    }

    /** Removes the provider and answers with it as it was. */
    @Transactional
    public Provider delete(Caller caller, UUID id) {
        requireAdmin(caller);
        Provider provider = find(caller.tenant(), id);
        providers.delete(provider);
        return provider;
    }

    public MetorialPage<ProviderRow> list(String tenant, MetorialListRequest request) {
        return providers.page(tenant, request);
    }

    /** The provider as the registry shows it. */
    public ProviderRow read(String tenant, UUID id) {
        return providers.rowInTenant(tenant, id).orElseThrow(() -> notFound(id));
    }

    /** The provider as an entity, for a transaction that works with it. */
    public Provider get(String tenant, UUID id) {
        return find(tenant, id);
    }

    /** The provider with its headers opened, for the gateway to forward with. */
    public Upstream upstream(String tenant, UUID id) {
        UpstreamRow provider = providers.upstreamInTenant(tenant, id).orElseThrow(() -> notFound(id));
        return new Upstream(provider, vault.open(tenant, provider.id(), provider.upstreamHeaders()));
    }

    private Provider find(String tenant, UUID id) {
        return providers.findInTenant(tenant, id).orElseThrow(() -> notFound(id));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw Failure.forbidden("Only an administrator of the tenant may register, change or remove providers");
        }
    }

    static Failure notFound(UUID id) {
        return Failure.notFound(Provider.ENTITY, IdPrefix.PROVIDER.format(id));
    }
}
