package dev.sessionledger.threads.participants;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.threads.thread.ChatThread;
import dev.sessionledger.threads.thread.ThreadMembers;

/** The participants' answer to who takes part in a thread, and the creator's joining of a new one. */
@ApplicationScoped
public class ParticipantMembership implements ThreadMembers {

    @Inject
    ThreadParticipantRepository participants;

    @Inject
    ParticipantReads reads;

    @Override
    public boolean isMember(String tenant, UUID threadId, String userId) {
        return reads.isMember(tenant, threadId, userId);
    }

    @Override
    public void addCreator(ChatThread thread) {
        ThreadParticipant creator = new ThreadParticipant();
        creator.id = PrefixedId.newUuid();
        creator.tenantId = thread.tenantId;
        creator.threadId = thread.id;
        creator.userId = thread.createdBy;
        creator.joinedAt = thread.createdAt;
        participants.persist(creator);
    }
}
