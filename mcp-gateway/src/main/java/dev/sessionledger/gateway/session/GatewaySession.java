package dev.sessionledger.gateway.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.sessionledger.gateway.caller.GatewayCaller;
import dev.sessionledger.gateway.ledger.LedgerSession;

/**
 * One MCP session as this replica serves it: what sessions-service keeps of it (any replica can
 * load it), the sequence of each direction's messages passed here (with the replica's own id, the
 * idempotency keys of their records), and the SSE events already recorded, so that an event
 * replayed after {@code Last-Event-ID} is recorded once.
 */
public final class GatewaySession {

    private static final int REMEMBERED_EVENT_IDS = 10_000;

    private final String tenant;
    private final AtomicLong clientSequence = new AtomicLong();
    private final AtomicLong serverSequence = new AtomicLong();
    private final Set<String> recordedEvents = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EVENT_IDS;
        }
    });
    private volatile LedgerSession ledger;
    private volatile long lastUsedNanos;
    private volatile long lastReportedNanos;

    GatewaySession(LedgerSession ledger, String tenant, long nowNanos) {
        this.ledger = ledger;
        this.tenant = tenant;
        this.lastUsedNanos = nowNanos;
        this.lastReportedNanos = nowNanos;
    }

    public LedgerSession ledger() {
        return ledger;
    }

    void ledger(LedgerSession current) {
        ledger = current;
    }

    public String id() {
        return ledger.sessionId();
    }

    public String upstreamSessionId() {
        return ledger.upstreamSessionId();
    }

    /** Whether a request of this caller for this provider may use the session. */
    boolean servesFor(GatewayCaller caller, String provider) {
        return tenant.equals(caller.tenant()) && ledger.providerId().equals(provider);
    }

    void used(long nowNanos) {
        lastUsedNanos = nowNanos;
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /** True, once per interval, when sessions-service should hear that traffic passed. */
    boolean reportDue(long nowNanos, long intervalNanos) {
        long last = lastReportedNanos;
        if (nowNanos - last < intervalNanos) {
            return false;
        }
        lastReportedNanos = nowNanos;
        return true;
    }

    /** The next sequence number of a message the client sent. */
    public long nextClientSequence() {
        return clientSequence.incrementAndGet();
    }

    /** The next sequence number of a message the server sent. */
    public long nextServerSequence() {
        return serverSequence.incrementAndGet();
    }

    /** True the first time an SSE event is seen in this session. */
    public boolean firstSightOfEvent(String eventKey) {
        synchronized (recordedEvents) {
            return recordedEvents.add(eventKey);
        }
    }
}
