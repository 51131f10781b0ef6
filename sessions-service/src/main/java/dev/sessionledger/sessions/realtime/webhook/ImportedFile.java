package dev.sessionledger.sessions.realtime.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.sessionledger.sessions.realtime.recording.RecordingRepository.ChatRow;
import dev.sessionledger.sessions.realtime.recording.RecordingRepository.SegmentRow;
import dev.sessionledger.sessions.realtime.webhook.MeetingProjection.PeerState;

/**
 * What a chat, transcript or summary file holds, read and checked before anything is stored: its
 * rows, the peers they name (stored first, so that every row has its peer), or the summary's text.
 */
public record ImportedFile(List<ChatRow> chat, List<SegmentRow> segments, List<NamedPeer> peers, String summary) {

    /**
     * A peer a file names: when it joined, or (a CSV transcript says no more) how long after the
     * session's start it first spoke.
     */
    public record NamedPeer(UUID id, String displayName, String customParticipantId, String userId, Instant joinedAt,
            long offsetMs, Instant leftAt) {

        PeerState at(Instant sessionStart) {
            Instant joined = joinedAt != null ? joinedAt : sessionStart.plusMillis(offsetMs);
            return new PeerState(id, displayName, customParticipantId, userId, joined,
                    leftAt == null || leftAt.isBefore(joined) ? null : leftAt);
        }
    }

    static ImportedFile ofChat(List<ChatRow> rows, List<NamedPeer> peers) {
        return new ImportedFile(rows, List.of(), peers, null);
    }

    static ImportedFile ofTranscript(List<SegmentRow> rows, List<NamedPeer> peers) {
        return new ImportedFile(List.of(), rows, peers, null);
    }

    static ImportedFile ofSummary(String text) {
        return new ImportedFile(List.of(), List.of(), List.of(), text);
    }
}
