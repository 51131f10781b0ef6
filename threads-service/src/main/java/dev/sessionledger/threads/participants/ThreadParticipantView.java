package dev.sessionledger.threads.participants;

import java.time.Instant;

/** A thread participant as the Thread Participants API shows it. */
public record ThreadParticipantView(
        String id,
        String threadId,
        String userId,
        String agentId,
        String swarmId,
        String externalIdentity,
        String displayName,
        Instant joinedAt,
        String lastReadMessageId,
        Instant lastReadAt) {

    public static ThreadParticipantView of(ParticipantRow p) {
        return new ThreadParticipantView(p.id().toString(), p.threadId().toString(), p.userId(), p.agentId(),
                p.swarmId(), p.externalIdentity(), p.displayName(), p.joinedAt(), p.lastReadMessageId(),
                p.lastReadAt());
    }
}
