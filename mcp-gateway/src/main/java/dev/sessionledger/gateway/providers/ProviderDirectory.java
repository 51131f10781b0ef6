package dev.sessionledger.gateway.providers;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sessionledger.commons.peers.PeerFailures;
import dev.sessionledger.gateway.caller.GatewayCaller;

/**
 * Finds the provider a request names, in the caller's tenant, through sessions-service. An unknown
 * provider and another tenant's are the same answer (empty); a sessions-service that does not answer
 * is a {@code Failure} of kind unavailable, through {@link PeerFailures}.
 */
@ApplicationScoped
public class ProviderDirectory {

    @Inject
    @RestClient
    ProvidersRestClient client;

    @Inject
    ProviderDirectory self;

    public Optional<Provider> find(GatewayCaller caller, String providerId) {
        return PeerFailures.call("sessions-service", "Providers cannot be looked up",
                () -> self.lookup(caller.authorization(), providerId));
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
