package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.sessionledger.sessions.realtime.RealtimeKey;

/** One peer: a participant's single stay in a meeting session, from join to leave. */
@Entity
@Table(name = "rtk_participant")
@IdClass(RealtimeKey.class)
public class RealtimeParticipant {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    /** The peer id, unique within the tenant. */
    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "custom_participant_id")
    public String customParticipantId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "preset_name")
    public String presetName;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "left_at")
    public Instant leftAt;

    /** Set when the peer leaves; while it stays, its duration grows with the clock. */
    @Column(name = "duration_minutes", precision = 14, scale = 2)
    public BigDecimal durationMinutes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
