package dev.sessionledger.sessions.realtime;

import java.util.List;
import java.util.Map;

/** Bodies of the write API that feeds the RealtimeKit read API (snake_case on the wire). */
public final class RealtimeRequests {

    private RealtimeRequests() {
    }

    /** {@code POST /sessions}: a session starts; {@code id} lets a retry find the session it already made. */
    public record StartSession(String id, String associatedId, String meetingDisplayName, String type,
            String startedAt, Map<String, Object> meta) {
    }

    /** {@code POST /sessions/{id}/participants}: a peer joins. */
    public record Join(String peerId, String userId, String customParticipantId, String displayName,
            String presetName, String presetViewType, String socketSessionId, String joinedAt) {
    }

    /** {@code POST .../participants/{peer_id}/leave}. */
    public record Leave(String leftAt) {
    }

    /** {@code POST /sessions/{id}/end}: every peer still inside leaves at the same moment. */
    public record End(String endedAt) {
    }

    /** {@code POST /sessions/{id}/chat}: one transaction. */
    public record ChatBatch(List<ChatMessage> messages) {
    }

    /** One chat message; {@code participant_id} is the sending peer, {@code id} makes retries harmless. */
    public record ChatMessage(String id, String participantId, String payloadType, String payload, Boolean pinned,
            Boolean isEdited, String createdAt) {
    }

    /** {@code POST /sessions/{id}/transcript}: one transaction. */
    public record TranscriptBatch(List<Segment> segments) {
    }

    /** One transcribed sentence, timed in milliseconds from the session's start. */
    public record Segment(String id, String participantId, Long startMs, Long endMs, String text) {
    }

    /** {@code PUT /sessions/peer-report/{peer_id}}: replaces the peer's report. */
    public record PeerReportBody(Map<String, Object> metadata, Map<String, Object> quality) {
    }
}
