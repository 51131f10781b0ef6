package dev.sessionledger.threads.participants;

import java.util.UUID;

/** Who joins which thread: exactly one of a user, an agent, a swarm or an external identity. */
public record NewParticipant(UUID threadId, String userId, String agentId, String swarmId, String externalIdentity,
        String displayName) {
}
