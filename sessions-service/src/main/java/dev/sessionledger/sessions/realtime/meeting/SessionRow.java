package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A meeting session as read for an answer: the columns the API shows, read into a record rather
 * than a managed entity; its components are attributes of {@link RealtimeSession}, read by
 * {@code RowSelect}. Writes build one from the entity they changed ({@link #of}).
 */
public record SessionRow(UUID id, String appId, String associatedId, String meetingDisplayName, String type,
        String status, Map<String, Object> meta, Instant startedAt, Instant endedAt, Instant createdAt,
        Instant updatedAt, int liveParticipants, int maxConcurrentParticipants, BigDecimal minutesConsumed) {

    public static SessionRow of(RealtimeSession s) {
        return new SessionRow(s.id, s.appId, s.associatedId, s.meetingDisplayName, s.type, s.status, s.meta,
                s.startedAt, s.endedAt, s.createdAt, s.updatedAt, s.liveParticipants, s.maxConcurrentParticipants,
                s.minutesConsumed);
    }

    public boolean isLive() {
        return RealtimeSession.LIVE.equals(status);
    }
}
