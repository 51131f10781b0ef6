package dev.sessionledger.messages.sessions;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.peers.PeerFailures;
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

    @Inject
    SessionsClient client;

    @Inject
    @CacheName("session-lookups")
    Cache cache;

    /**
     * @param serverSessionId null when no server session is named, and so {@code providerRunId}
     * @throws Failure not found naming the missing entity, or unavailable when sessions-service cannot answer
     */
    public void requireExists(String authorization, String tenant, UUID sessionId, UUID serverSessionId,
            UUID providerRunId) {
        String session = IdPrefix.SESSION.format(sessionId);
        String serverSession = IdPrefix.SESSION_PROVIDER.format(serverSessionId);
        String run = IdPrefix.PROVIDER_RUN.format(providerRunId);
        String key = String.join("|", tenant, session, String.valueOf(serverSession), String.valueOf(run));
        CaffeineCache known = cache.as(CaffeineCache.class);
        if (known.getIfPresent(key) != null) {
            return;
        }
        SessionLookup lookup = PeerFailures.call("sessions-service", "Sessions cannot be checked",
                () -> client.lookup(authorization, session, serverSession, run));
        if (!lookup.found()) {
            throw Failure.notFound(lookup.missingEntity(), switch (lookup.missingEntity()) {
                case SessionLookup.SERVER_SESSION -> serverSession;
                case SessionLookup.PROVIDER_RUN -> run;
                default -> session;
            });
        }
        known.put(key, CompletableFuture.completedFuture(Boolean.TRUE));
    }
}
