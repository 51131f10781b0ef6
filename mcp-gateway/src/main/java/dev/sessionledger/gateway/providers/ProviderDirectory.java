package dev.sessionledger.gateway.providers;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

import dev.sessionledger.commons.peers.PeerFailures;
import dev.sessionledger.gateway.caller.GatewayCaller;

/**
 * Finds the provider a request names, in the caller's tenant, through sessions-service. An unknown
 * provider and another tenant's are the same answer (empty); a sessions-service that does not answer
 * is a {@code Failure} of kind unavailable, through {@link PeerFailures}.
 *
 * <p>A provider found is kept per tenant and id in the Caffeine cache {@code providers} (for its
 * {@code expire-after-write}, {@code PROVIDER_CACHE_TTL}), so that the requests of a session cost no
 * call to sessions-service; any caller of the tenant may read a provider, so one caller's look-up
 * serves the others of its tenant. An unknown provider is not kept: one registered a moment later
 * is found at once.
 */
@ApplicationScoped
public class ProviderDirectory {

    private record Key(String tenant, String providerId) {
    }

    @Inject
    @RestClient
    ProvidersRestClient client;

    @Inject
    ProviderDirectory self;

    @Inject
    @CacheName("providers")
    Cache cache;

    /** The provider, when it was looked up lately: nothing that blocks. */
    public Optional<Provider> known(GatewayCaller caller, String providerId) {
        CompletableFuture<Object> kept = cache.as(CaffeineCache.class).getIfPresent(new Key(caller.tenant(), providerId));
        return Optional.ofNullable(kept == null ? null : (Provider) kept.getNow(null));
    }

    /** The provider, looked up in sessions-service unless it was lately. Blocks. */
    public Optional<Provider> find(GatewayCaller caller, String providerId) {
        Optional<Provider> known = known(caller, providerId);
        if (known.isPresent()) {
            return known;
        }
        Optional<Provider> provider = PeerFailures.call("sessions-service", "Providers cannot be looked up",
                () -> self.lookup(caller.authorization(), providerId));
        provider.ifPresent(found -> cache.as(CaffeineCache.class)
                .put(new Key(caller.tenant(), providerId), CompletableFuture.completedFuture(found)));
        return provider;
    }

    /**
     * Every request of a session waits on this answer before anything goes upstream, so it must come
     * within a second or be given up; the breaker then makes a sessions-service that stays down cost
     * each client one fast 503 instead of a wait.
     */
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    Optional<Provider> lookup(String authorization, String providerId) {
        try (Response response = client.find(authorization, providerId)) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            if (response.getStatus() != 200) {
                throw new IllegalStateException("sessions-service answered " + response.getStatus());
            }
            JsonNode body = response.readEntity(JsonNode.class);
            Map<String, String> headers = new LinkedHashMap<>();
            body.path("upstream_headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new Provider(body.path("id").asText(providerId), body.path("upstream_url").asText(), headers));
        }
    }
}
