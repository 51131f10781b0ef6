package dev.sessionledger.sessions.realtime.peerreport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.sessionledger.sessions.realtime.participant.ParticipantViews.PeerEventView;

/** RealtimeKit's peer report objects, field for field as the published API names them. */
public final class PeerReportViews {

    private PeerReportViews() {
    }

    /** A peer with its session and call statistics. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PeerDetails(UUID id, UUID sessionId, Instant createdAt, String customParticipantId,
            String displayName, BigDecimal duration, Instant joinedAt, Instant leftAt, String presetName,
            Instant updatedAt, String userId, List<PeerEventView> peerEvents, PeerReportView peerReport) {
    }

    /**
     * The peer report's data: the published API documents the peer's fields at the top of
     * {@code data}, while the official SDK's types read them under {@code data.participant}; both are served.
     */
    public record PeerReportData(@JsonUnwrapped PeerDetails details, PeerDetails participant) {
    }

    public record PeerReportView(Map<String, Object> metadata, Map<String, Object> quality) {
    }
}
