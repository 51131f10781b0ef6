package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A peer as read for an answer, a record rather than a managed entity; its components are
 * attributes of {@link RealtimeParticipant}, read by {@code RowSelect}. Writes build one from the
 * entity they changed ({@link #of}).
 */
public record PeerRow(UUID id, UUID sessionId, String userId, String customParticipantId, String displayName,
        String presetName, Instant joinedAt, Instant leftAt, BigDecimal durationMinutes, Instant createdAt,
        Instant updatedAt) {

    public static PeerRow of(RealtimeParticipant p) {
        return new PeerRow(p.id, p.sessionId, p.userId, p.customParticipantId, p.displayName, p.presetName,
                p.joinedAt, p.leftAt, p.durationMinutes, p.createdAt, p.updatedAt);
    }
}
