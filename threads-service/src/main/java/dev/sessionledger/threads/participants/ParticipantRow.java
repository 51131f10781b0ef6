package dev.sessionledger.threads.participants;

import java.time.Instant;
import java.util.UUID;

/**
 * A thread participant as a read returns it: the row's values the API shows, read by a plain
 * statement, with no entity behind it.
 */
public record ParticipantRow(UUID id, UUID threadId, String userId, String agentId, String swarmId,
        String externalIdentity, String displayName, Instant joinedAt, String lastReadMessageId, Instant lastReadAt) {
}
