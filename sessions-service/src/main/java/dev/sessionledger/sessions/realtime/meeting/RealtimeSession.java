package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.sessionledger.sessions.realtime.RealtimeKey;

/**
 * A RealtimeKit meeting session as stored. Its id is unique within a tenant only, so the tenant is
 * part of its identity: Hibernate updates and refreshes it by both.
 */
@Entity
@Table(name = "rtk_session")
@IdClass(RealtimeKey.class)
public class RealtimeSession {

    public static final String LIVE = "LIVE";
    public static final String ENDED = "ENDED";

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    public UUID id;

    @Column(name = "app_id", nullable = false)
    public String appId;

    @Column(name = "associated_id", nullable = false)
    public String associatedId;

    @Column(name = "meeting_display_name", nullable = false)
    public String meetingDisplayName;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> meta;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "participant_count", nullable = false)
    public int participantCount;

    @Column(name = "live_participants", nullable = false)
    public int liveParticipants;

    @Column(name = "max_concurrent_participants", nullable = false)
    public int maxConcurrentParticipants;

    /** Participant-minutes of finished stays; live stays are added when read. */
    @Column(name = "minutes_consumed", nullable = false, precision = 14, scale = 2)
    public BigDecimal minutesConsumed;

    public boolean isLive() {
        return LIVE.equals(status);
    }
}
