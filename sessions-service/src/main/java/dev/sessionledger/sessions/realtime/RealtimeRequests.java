package dev.sessionledger.sessions.realtime;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Bodies of the write API that feeds the RealtimeKit read API (snake_case on the wire). The
 * maxima in the schemas are those of {@link RealtimeBounds}; one past any of them is a 400.
 */
public final class RealtimeRequests {

    private static final String META = "A JSON object of at most " + RealtimeBounds.META_KEYS + " keys and "
            + RealtimeBounds.META_TEXT + " characters over every key and string";
    private static final String REPORT = "A JSON object of at most " + RealtimeBounds.REPORT_KEYS + " keys and "
            + RealtimeBounds.REPORT_TEXT + " characters over every key and string";

    private RealtimeRequests() {
    }

    /** {@code POST /sessions}: a session starts; {@code id} lets a retry find the session it already made. */
    public record StartSession(@Schema(format = "uuid") String id,
            @Schema(maxLength = RealtimeBounds.ASSOCIATED_ID) String associatedId,
            @Schema(maxLength = RealtimeBounds.NAME) String meetingDisplayName, String type, String startedAt,
            @Schema(description = META) Map<String, Object> meta) {
    }

    /** {@code POST /sessions/{id}/participants}: a peer joins. */
    public record Join(@Schema(format = "uuid") String peerId,
            @Schema(maxLength = RealtimeBounds.REFERENCE) String userId,
            @Schema(maxLength = RealtimeBounds.REFERENCE) String customParticipantId,
            @Schema(maxLength = RealtimeBounds.NAME) String displayName,
            @Schema(maxLength = RealtimeBounds.REFERENCE) String presetName, String presetViewType,
            @Schema(maxLength = RealtimeBounds.REFERENCE) String socketSessionId, String joinedAt) {
    }

    /** {@code POST .../participants/{peer_id}/leave}. */
    public record Leave(String leftAt) {
    }

    /** {@code POST /sessions/{id}/end}: every peer still inside leaves at the same moment. */
    public record End(String endedAt) {
    }

    /** {@code POST /sessions/{id}/chat}: one transaction. */
    public record ChatBatch(@Schema(maxItems = RealtimeBounds.BATCH) List<ChatMessage> messages) {
    }

    /** One chat message; {@code participant_id} is the sending peer, {@code id} makes retries harmless. */
    public record ChatMessage(@Schema(format = "uuid") String id, @Schema(format = "uuid") String participantId,
            String payloadType, @Schema(maxLength = RealtimeBounds.TEXT) String payload, Boolean pinned,
            Boolean isEdited, String createdAt) {
    }

    /** {@code POST /sessions/{id}/transcript}: one transaction. */
    public record TranscriptBatch(@Schema(maxItems = RealtimeBounds.BATCH) List<Segment> segments) {
    }

    /** One transcribed sentence, timed in milliseconds from the session's start. */
    public record Segment(@Schema(format = "uuid") String id, @Schema(format = "uuid") String participantId,
            Long startMs, Long endMs, @Schema(maxLength = RealtimeBounds.TEXT) String text) {
    }

    /** {@code PUT /sessions/peer-report/{peer_id}}: replaces the peer's report. */
    public record PeerReportBody(@Schema(description = REPORT) Map<String, Object> metadata,
            @Schema(description = REPORT) Map<String, Object> quality) {
    }
}
