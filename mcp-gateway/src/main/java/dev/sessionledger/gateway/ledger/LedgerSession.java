package dev.sessionledger.gateway.ledger;

/** What sessions-service made for one MCP session through the gateway: the ids its messages are recorded with. */
public record LedgerSession(String sessionId, String connectionId, String clientParticipantId,
        String serverSessionId, String serverParticipantId, String runId) {
}
