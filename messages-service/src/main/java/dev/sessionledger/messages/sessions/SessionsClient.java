package dev.sessionledger.messages.sessions;

import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Asks sessions-service whether a session (and a server session and run of it) exists for the caller. */
@ApplicationScoped
public class SessionsClient {

    @Inject
    @RestClient
    SessionsRestClient client;

    /**
     * Ingest waits on this answer, so it must come quickly or not at all: a short timeout per
     * attempt, a couple of retries for a blip (a restarting pod), and a circuit breaker so that a
     * sessions-service that is down costs callers one fast 503 instead of a pile of waiting threads.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public SessionLookup lookup(String authorization, String sessionId, String serverSessionId, String providerRunId) {
        try (Response response = client.lookup(authorization, sessionId, serverSessionId, providerRunId)) {
            if (response.getStatus() == 200) {
                return SessionLookup.FOUND;
            }
            if (response.getStatus() == 404) {
                Object entity = response.readEntity(Map.class).get("entity");
                return SessionLookup.missing(entity instanceof String name ? name : "session");
            }
            throw new SessionsUnavailableException("sessions-service answered " + response.getStatus());
        }
    }
}
