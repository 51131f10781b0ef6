package dev.sessionledger.gateway.providers;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sessionledger.commons.peers.PeerFailures;
import dev.sessionledger.gateway.caller.GatewayCaller;
import dev.sessionledger.gateway.config.GatewayConfig;

/**
 * Finds the provider a request names, in the caller's tenant, through sessions-service. An unknown
 * provider and another tenant's are the same answer (empty); a sessions-service that does not answer
 * is a {@code Failure} of kind unavailable, through {@link PeerFailures}.
 *
 * <p>A provider found is kept for {@code gateway.providers.cache-ttl} per tenant and id, so that
 * the requests of a session cost no call to sessions-service; any caller of the tenant may read a
 * provider, so one caller's look-up serves the others of its tenant. An unknown provider is not
 * kept: one registered a moment later is found at once.
 */
@ApplicationScoped
public class ProviderDirectory {

    private record Key(String tenant, String providerId) {
    }

    private record Found(Provider provider, long expiresNanos) {
    }

    private final Map<Key, Found> found = new ConcurrentHashMap<>();

    @Inject
    @RestClient
    ProvidersRestClient client;

    @Inject
    ProviderDirectory self;

    @Inject
    GatewayConfig config;

    /** The provider, when it was looked up lately: nothing that blocks. */
    public Optional<Provider> known(GatewayCaller caller, String providerId) {
        Found kept = found.get(new Key(caller.tenant(), providerId));
        return kept != null && System.nanoTime() - kept.expiresNanos() < 0 ? Optional.of(kept.provider()) : Optional.empty();
    }

    /** The provider, looked up in sessions-service unless it was lately. Blocks. */
    public Optional<Provider> find(GatewayCaller caller, String providerId) {
        Optional<Provider> known = known(caller, providerId);
        if (known.isPresent()) {
            return known;
        }
        Key key = new Key(caller.tenant(), providerId);
        long now = System.nanoTime();
        Optional<Provider> provider = PeerFailures.call("sessions-service", "Providers cannot be looked up",
                () -> self.lookup(caller.authorization(), providerId));
        if (provider.isEmpty()) {
            found.remove(key);
            return provider;
        }
        if (found.size() >= config.providers().cacheSize()) {
            found.values().removeIf(f -> now - f.expiresNanos() >= 0);
            if (found.size() >= config.providers().cacheSize()) {
                found.clear();
            }
        }
        found.put(key, new Found(provider.get(), now + config.providers().cacheTtl().toNanos()));
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
            return Optional.of(new Provider(body.path("id").asText(providerId), body.path("upstream_url").asText(),
                    headers, body.path("recording_mode").asText(Provider.BEST_EFFORT)));
        }
    }
}
