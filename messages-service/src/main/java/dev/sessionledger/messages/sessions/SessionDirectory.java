package dev.sessionledger.messages.sessions;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.sessionledger.commons.errors.Failure;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

/**
 * Checks that messages name a session of the caller's tenant (and, where given, a server session
 * and provider run of it). Positive answers are remembered briefly, because a busy session sends
 * many batches; negative ones never are, so a session created a moment later is found at once.
 */
@ApplicationScoped
public class SessionDirectory {

    /** Seconds a caller should wait before retrying when sessions-service cannot answer: the breaker's delay. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(SessionDirectory.class);

    @Inject
    SessionsClient client;

    @Inject
    @CacheName("session-lookups")
    Cache cache;

    /**
     * @throws Failure 404 naming the missing entity, or 503 when sessions-service cannot answer
     */
    public void requireExists(String authorization, String tenant, String sessionId, String serverSessionId,
            String providerRunId) {
        String key = String.join("|", tenant, sessionId, String.valueOf(serverSessionId), String.valueOf(providerRunId));
        CaffeineCache known = cache.as(CaffeineCache.class);
        if (known.getIfPresent(key) != null) {
            return;
        }
        SessionLookup lookup;
        try {
            lookup = client.lookup(authorization, sessionId, serverSessionId, providerRunId);
        } catch (RuntimeException e) {
            LOG.warnf("sessions-service could not check session %s: %s", sessionId, e.toString());
            throw Failure.unavailable("Sessions cannot be checked right now; retry in " + RETRY_AFTER_SECONDS
                    + " seconds", RETRY_AFTER_SECONDS);
        }
        if (!lookup.found()) {
            throw Failure.notFound(lookup.missingEntity(), idOf(lookup.missingEntity(), sessionId,
                    serverSessionId, providerRunId));
        }
        known.put(key, CompletableFuture.completedFuture(Boolean.TRUE));
    }

    private static String idOf(String entity, String sessionId, String serverSessionId, String providerRunId) {
        return switch (entity) {
            case "session.provider" -> serverSessionId;
            case "session.provider_run" -> providerRunId;
            default -> sessionId;
        };
    }
}
