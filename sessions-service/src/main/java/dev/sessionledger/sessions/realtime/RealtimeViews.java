package dev.sessionledger.sessions.realtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The RealtimeKit objects and envelopes, field for field as the published API names them. */
public final class RealtimeViews {

    private RealtimeViews() {
    }

    /** {@code {"success":true,"data":...}}. */
    public record Envelope<T>(boolean success, T data) {
        public static <T> Envelope<T> of(T data) {
            return new Envelope<>(true, data);
        }
    }

    /** A page of a list: offsets are zero-based and inclusive. */
    public record ListEnvelope<T>(boolean success, T data, Paging paging) {
    }

    public record Paging(long startOffset, long endOffset, long totalCount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Session(UUID id, String associatedId, Instant createdAt, int liveParticipants,
            int maxConcurrentParticipants, String meetingDisplayName, BigDecimal minutesConsumed,
            String organizationId, Instant startedAt, String status, String type, Instant updatedAt,
            List<Object> breakoutRooms, Instant endedAt, Map<String, Object> meta) {
    }

    public record Sessions(List<Session> sessions) {
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

    public record ChatDownload(String chatDownloadUrl, Instant chatDownloadUrlExpiry) {
    }

    public record TranscriptDownload(@JsonProperty("sessionId") UUID sessionId, String transcriptDownloadUrl,
            Instant transcriptDownloadUrlExpiry) {
    }

    public record SummaryDownload(@JsonProperty("sessionId") UUID sessionId,
            @JsonProperty("summaryDownloadUrl") String summaryDownloadUrl,
            @JsonProperty("summaryDownloadUrlExpiry") Instant summaryDownloadUrlExpiry) {
    }

    public record SummaryStatus(UUID sessionId, String status) {
    }

    /** What a batch write did: how many items it carried and how many were new (retries are not stored twice). */
    public record BatchResult(UUID sessionId, int received, int stored) {
    }
}
