package dev.sessionledger.gateway.ledger;

/**
 * What sessions-service keeps of a session the gateway serves: the ids its messages are recorded
 * under, the provider and recording mode it began with, the upstream's own session id (null until
 * the upstream gave one) and whether it is still open.
 */
public record LedgerSession(String sessionId, String providerId, String connectionId, String clientParticipantId,
        String serverSessionId, String serverParticipantId, String runId, String recordingMode,
        String upstreamSessionId, boolean active) {

    public static final String AUDIT = "audit";

    /** Whether a message is passed on only once it is recorded. */
    public boolean audited() {
        return AUDIT.equals(recordingMode);
    }
}
