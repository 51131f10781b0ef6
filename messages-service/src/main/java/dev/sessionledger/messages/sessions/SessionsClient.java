package dev.sessionledger.messages.sessions;

import java.net.ConnectException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.sessionledger.commons.ids.IdPrefix;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.RetryWhen;

/** Asks sessions-service whether a session (and a server session and run of it) exists for the caller. */
@ApplicationScoped
public class SessionsClient {

    private static final Logger LOG = Logger.getLogger(SessionsClient.class);

    @Inject
    @RestClient
    SessionsRestClient client;

    /**
     * The first call of the client pays for loading it and making its first connection, on a busy
     * machine more than the time an attempt gets; a call at start, whose answer does not matter (it
     * carries no token), pays that instead of the first caller.
     */
    void prime(@Observes StartupEvent start) {
        long began = System.nanoTime();
        try (Response ignored = client.lookup(null, IdPrefix.SESSION.format(new UUID(0, 0)), null, null)) {
            LOG.debugf("sessions-service answered the first call in %d ms", (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.debugf("sessions-service did not answer the first call: %s", e.toString());
        }
    }

    /**
     * Ingest and reads of empty pages wait on this answer, so it must come quickly or not at all:
     * the whole look-up stays under a second. An attempt gets 600 ms: a read by primary key takes
     * milliseconds, but the first requests a freshly started sessions-service serves (its token
     * verification, its queries and its pool still cold) can take several hundred; the connection
     * gets 150 ms of it (rest client settings). Only a connection that could not be made (a pod
     * restarting, a refused port) is tried once more, 50 ms later: a peer that took the request and
     * did not answer in time would most likely not answer a second one either, and waiting for it
     * again would double the wait. Worst case about 800 ms. The circuit breaker then makes a sessions-service that stays
     * down cost callers one fast 503 each, instead of a pile of threads waiting out their timeouts.
     */
    @Timeout(value = 600, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, jitter = 0, maxDuration = 900)
    @RetryWhen(exception = CouldNotConnect.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public SessionLookup lookup(String authorization, String sessionId, String serverSessionId, String providerRunId) {
        try (Response response = client.lookup(authorization, sessionId, serverSessionId, providerRunId)) {
            if (response.getStatus() == 200) {
                return SessionLookup.FOUND;
            }
            if (response.getStatus() == 404) {
                Object entity = response.readEntity(Map.class).get("entity");
                return SessionLookup.missing(entity instanceof String name ? name : SessionLookup.SESSION);
            }
            // The fault-tolerance policies count this as a failed call, like a timeout.
            throw new IllegalStateException("sessions-service answered " + response.getStatus());
        }
    }

    /** A failure to connect at all, which a second attempt may get past. */
    public static final class CouldNotConnect implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ConnectException) {
                    return true;
                }
            }
            return false;
        }
    }
}
