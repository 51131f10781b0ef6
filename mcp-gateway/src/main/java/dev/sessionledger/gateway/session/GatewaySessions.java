package dev.sessionledger.gateway.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.gateway.caller.GatewayCaller;
import dev.sessionledger.gateway.config.GatewayConfig;
import dev.sessionledger.gateway.ledger.LedgerSession;
import dev.sessionledger.gateway.providers.Provider;

/**
 * The sessions this gateway serves, by the ledger's session id (the {@code Mcp-Session-Id} the
 * client holds). Kept in this process's memory: a session is served by the replica that opened it.
 * Issue 14 wants the mapping to the upstream's session id kept in sessions-service instead, so that
 * any replica serves any request of a session.
 */
@ApplicationScoped
public class GatewaySessions {

    private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();

    @Inject
    GatewayConfig config;

    public GatewaySession open(LedgerSession ledger, GatewayCaller caller, Provider provider) {
        GatewaySession session = new GatewaySession(ledger, caller, provider, System.nanoTime());
        sessions.put(session.id(), session);
        return session;
    }

    /** The session, when this caller may use it for this provider; its idle time starts again. */
    public Optional<GatewaySession> find(String sessionId, GatewayCaller caller, String providerId) {
        GatewaySession session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null || !session.servesFor(caller, providerId)) {
            return Optional.empty();
        }
        session.touch(caller, System.nanoTime());
        return Optional.of(session);
    }

    /** Forgets the session; true when it was still served (so only one caller ends it in the ledger). */
    public boolean close(GatewaySession session) {
        return sessions.remove(session.id(), session);
    }

    /** The sessions idle longer than the configured time, forgotten as they are returned. */
    public List<GatewaySession> takeIdle() {
        long limit = config.sessions().idleTimeout().toNanos();
        long now = System.nanoTime();
        return sessions.values().stream()
                .filter(s -> now - s.lastUsedNanos() > limit)
                .filter(this::close)
                .toList();
    }

    public int open() {
        return sessions.size();
    }
}
