package dev.sessionledger.gateway.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.sessionledger.gateway.caller.GatewayCaller;
import dev.sessionledger.gateway.ledger.LedgerSession;
import dev.sessionledger.gateway.providers.Provider;

/**
 * One MCP session served by the gateway: its ledger records, the upstream's own session id, the
 * sequence of each direction's messages (the idempotency keys of their records) and the SSE event
 * ids already recorded, so an event replayed after {@code Last-Event-ID} is recorded once.
 */
public final class GatewaySession {

    private static final int REMEMBERED_EVENT_IDS = 10_000;

    private final LedgerSession ledger;
    private final String tenant;
    private final String providerId;
    private final AtomicLong clientSequence = new AtomicLong();
    private final AtomicLong serverSequence = new AtomicLong();
    private final Set<String> recordedEvents = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EVENT_IDS;
        }
    });
    private volatile String upstreamSessionId;
    private volatile GatewayCaller lastCaller;
    private volatile long lastUsedNanos;

    GatewaySession(LedgerSession ledger, GatewayCaller caller, Provider provider, long nowNanos) {
        this.ledger = ledger;
        this.tenant = caller.tenant();
        this.providerId = provider.id();
        this.lastCaller = caller;
        this.lastUsedNanos = nowNanos;
    }

    public LedgerSession ledger() {
        return ledger;
    }

    public String id() {
        return ledger.sessionId();
    }

    public String upstreamSessionId() {
        return upstreamSessionId;
    }

    public void upstreamSessionId(String id) {
        upstreamSessionId = id;
    }

    /** Whether a request of this caller for this provider may use the session. */
    public boolean servesFor(GatewayCaller caller, String provider) {
        return tenant.equals(caller.tenant()) && providerId.equals(provider);
    }

    /** The caller of the latest request: its token ends the session when it goes idle. */
    public GatewayCaller lastCaller() {
        return lastCaller;
    }

    void touch(GatewayCaller caller, long nowNanos) {
        lastCaller = caller;
        lastUsedNanos = nowNanos;
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /** The next sequence number of a message the client sent. */
    public long nextClientSequence() {
        return clientSequence.incrementAndGet();
    }

    /** The next sequence number of a message the server sent. */
    public long nextServerSequence() {
        return serverSequence.incrementAndGet();
    }

    /** True the first time an SSE event id is seen in this session. */
    public boolean firstSightOfEvent(String eventId) {
        synchronized (recordedEvents) {
            return recordedEvents.add(eventId);
        }
    }
}
