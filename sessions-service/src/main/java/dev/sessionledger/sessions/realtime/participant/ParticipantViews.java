package dev.sessionledger.sessions.realtime.participant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RealtimeKit's participant and peer event objects, field for field as the published API names them. */
public final class ParticipantViews {

    private ParticipantViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Participant(UUID id, Instant createdAt, String customParticipantId, String displayName,
            BigDecimal duration, Instant joinedAt, Instant leftAt, String presetName, Instant updatedAt,
            String userId, List<PeerEventView> peerEvents) {
    }

    public record Participants(List<Participant> participants) {
    }

    public record OneParticipant(Participant participant) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PeerEventView(UUID id, Instant createdAt, String eventName, BigDecimal minutesConsumed,
            String participantId, UUID peerId, String presetViewType, UUID sessionId, String socketSessionId,
            Instant updatedAt) {
    }
}
