package dev.sessionledger.threads.participants;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A thread participant as stored: exactly one of a user, an agent, a swarm or an external identity. */
@Entity
@Table(name = "thread_participant")
public class ThreadParticipant {

    /** Longest user, agent, swarm, external identity or message reference accepted. */
    public static final int MAX_REF = 200;
    public static final int MAX_NAME = 200;

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    /** Never updated: the thread's participant count (migration V3) relies on participants staying put. */
    @Column(name = "thread_id", nullable = false, updatable = false)
    public UUID threadId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "swarm_id")
    public String swarmId;

    @Column(name = "external_identity")
    public String externalIdentity;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "last_read_message_id")
    public String lastReadMessageId;

    @Column(name = "last_read_at")
    public Instant lastReadAt;

    /** This participant's values, as a read returns them. */
    public ParticipantRow row() {
        return new ParticipantRow(id, threadId, userId, agentId, swarmId, externalIdentity, displayName, joinedAt,
                lastReadMessageId, lastReadAt);
    }
}
