package dev.sessionledger.sessions.realtime.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RealtimeKit's session objects, field for field as the published API names them. */
public final class SessionViews {

    private SessionViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Session(UUID id, String associatedId, Instant createdAt, int liveParticipants,
            int maxConcurrentParticipants, String meetingDisplayName, BigDecimal minutesConsumed,
            String organizationId, Instant startedAt, String status, String type, Instant updatedAt,
            List<Object> breakoutRooms, Instant endedAt, Map<String, Object> meta) {
    }

    public record Sessions(List<Session> sessions) {
    }
}
