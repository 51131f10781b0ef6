package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A peer as read for an answer, a record rather than a managed entity. Writes build one from the
 * entity they changed ({@link #of}).
 */
public record PeerRow(UUID id, UUID sessionId, String userId, String customParticipantId, String displayName,
        String presetName, Instant joinedAt, Instant leftAt, BigDecimal durationMinutes, Instant createdAt,
        Instant updatedAt) {

    /** The HQL select list of this record, in its components' order, over a peer aliased {@code p}. */
    static final String SELECT = "select new " + PeerRow.class.getName() + "(p.id, p.sessionId, p.userId,"
            + " p.customParticipantId, p.displayName, p.presetName, p.joinedAt, p.leftAt, p.durationMinutes,"
            + " p.createdAt, p.updatedAt) from RealtimeParticipant p";

    /** The same columns for native SQL, in the same order ({@link ParticipantRepository}). */
    static final String COLUMNS = "id, session_id, user_id, custom_participant_id, display_name, preset_name,"
            + " joined_at, left_at, duration_minutes, created_at, updated_at";

    public static PeerRow of(RealtimeParticipant p) {
        return new PeerRow(p.id, p.sessionId, p.userId, p.customParticipantId, p.displayName, p.presetName,
                p.joinedAt, p.leftAt, p.durationMinutes, p.createdAt, p.updatedAt);
    }
}
