package dev.sessionledger.gateway.session;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.gateway.caller.GatewayCaller;
import dev.sessionledger.gateway.config.GatewayConfig;
import dev.sessionledger.gateway.ledger.LedgerSession;
import dev.sessionledger.gateway.ledger.SessionLedger;
import dev.sessionledger.gateway.providers.Provider;

import io.vertx.core.Vertx;

/**
 * The sessions this replica serves, by the ledger's session id (the {@code Mcp-Session-Id} the
 * client holds). sessions-service keeps every session; this replica keeps those it has served
 * lately, so that a request costs no call to sessions-service, and loads one another replica
 * opened on its first request here. It tells sessions-service that traffic passed at most once
 * per report interval, off the request's path; sessions-service ends a session idle past its
 * timeout (it needs no replica and no caller's token for that), and the next report after that,
 * or after an end through another replica, makes this replica forget it.
 */
@ApplicationScoped
public class GatewaySessions {

    private static final Logger LOG = Logger.getLogger(GatewaySessions.class);

    private final Map<String, GatewaySession> served = new ConcurrentHashMap<>();

    @Inject
    SessionLedger ledger;

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private long reportIntervalNanos;
    private long forgetAfterNanos;

    @PostConstruct
    void start() {
        long idle = config.sessions().idleTimeout().toNanos();
        reportIntervalNanos = Math.min(config.sessions().reportInterval().toNanos(), Math.max(1, idle / 10));
        forgetAfterNanos = idle;
        long every = Math.max(1000, Math.min(30_000, config.sessions().idleTimeout().toMillis() / 4));
        vertx.setPeriodic(every, id -> forgetIdle());
    }

    /** Opens the session of a client's {@code initialize} in sessions-service and serves it here. Blocks. */
    public GatewaySession open(GatewayCaller caller, Provider provider, JsonNode initialize) {
        LedgerSession opened = ledger.open(caller, provider, initialize);
        GatewaySession session = new GatewaySession(opened, caller.tenant(), System.nanoTime());
        served.put(session.id(), session);
        return session;
    }

    /** The open session, when this replica serves it and this caller may use it for this provider: nothing that blocks. */
    public Optional<GatewaySession> known(String sessionId, GatewayCaller caller, String providerId) {
        GatewaySession session = sessionId == null ? null : served.get(sessionId);
        return session == null ? Optional.empty() : use(session, caller, providerId);
    }

    /**
     * The open session, when this caller may use it for this provider: from this replica, or loaded
     * from sessions-service (which blocks). Another tenant's session is not found.
     */
    public Optional<GatewaySession> find(String sessionId, GatewayCaller caller, String providerId) {
        GatewaySession session = served.get(sessionId);
        if (session == null) {
            Optional<LedgerSession> stored = ledger.find(caller, sessionId);
            if (stored.isEmpty() || !stored.get().active()) {
                return Optional.empty();
            }
            session = served.computeIfAbsent(sessionId, id -> new GatewaySession(stored.get(), caller.tenant(), System.nanoTime()));
        }
        return use(session, caller, providerId);
    }

    private Optional<GatewaySession> use(GatewaySession session, GatewayCaller caller, String providerId) {
        if (!session.servesFor(caller, providerId)) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        session.used(now);
        if (session.reportDue(now, reportIntervalNanos)) {
            report(session, caller);
        }
        return Optional.of(session);
    }

    /**
     * Keeps the upstream's session id in sessions-service before the client learns the session is
     * open, so that its next request finds it on any replica. Blocks.
     */
    public void upstreamOpened(GatewaySession session, GatewayCaller caller, String upstreamSessionId) {
        LedgerSession current = ledger.touch(caller, session.id(), upstreamSessionId)
                .orElseThrow(() -> Failure.notFound("session", session.id()));
        session.ledger(current);
    }

    /** Stops serving the session and ends it in sessions-service (off the calling thread); once. */
    public void end(GatewaySession session, GatewayCaller caller) {
        if (served.remove(session.id(), session)) {
            vertx.executeBlocking(() -> {
                ledger.end(caller, session.id());
                return null;
            }, false);
        }
    }

    /** Tells sessions-service that traffic passed, off the request's path; an ended session is forgotten. */
    private void report(GatewaySession session, GatewayCaller caller) {
        vertx.executeBlocking(() -> {
            try {
                Optional<LedgerSession> current = ledger.touch(caller, session.id(), null);
                if (current.isEmpty() || !current.get().active()) {
                    served.remove(session.id(), session);
                } else {
                    session.ledger(current.get());
                }
            } catch (Failure e) {
                LOG.debugf("activity of session %s not reported: %s", session.id(), e.getMessage());
            }
            return null;
        }, false);
    }

    /** Forgets sessions unused here for an idle timeout: sessions-service ends them, or another replica serves them. */
    void forgetIdle() {
        long now = System.nanoTime();
        served.values().removeIf(s -> now - s.lastUsedNanos() > forgetAfterNanos);
    }

    /** Sessions this replica serves now. */
    public int open() {
        return served.size();
    }
}
