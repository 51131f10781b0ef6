package dev.sessionledger.sessions.realtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.sessions.realtime.RecordingRepository.ChatRow;
import dev.sessionledger.sessions.realtime.RecordingRepository.SegmentRow;

/** Appends a session's chat messages and transcript segments, a whole batch or nothing. */
@ApplicationScoped
public class RecordingService {

    static final List<String> PAYLOAD_TYPES = List.of("text", "image", "file");

    @Inject
    RealtimeSessionRepository sessions;

    @Inject
    ParticipantRepository participants;

    @Inject
    RecordingRepository recordings;

    @Transactional
    public Optional<RealtimeViews.BatchResult> appendChat(RealtimeScope scope, UUID sessionId,
            RealtimeRequests.ChatBatch body) {
        if (sessions.findInScope(scope, sessionId).isEmpty()) {
            return Optional.empty();
        }
        List<RealtimeRequests.ChatMessage> messages = batch("messages", body == null ? null : body.messages());
        Instant now = Inputs.now();
        Inputs in = new Inputs();
        List<ChatRow> rows = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            RealtimeRequests.ChatMessage m = messages.get(i);
            String at = "messages[" + i + "].";
            if (m == null) {
                in.fail("messages[" + i + "]", "must be an object");
                continue;
            }
            UUID id = in.id(at + "id", m.id());
            UUID peer = required(in, at + "participant_id", m.participantId());
            String type = in.oneOf(at + "payload_type", m.payloadType(), PAYLOAD_TYPES, "text");
            String payload = in.text(at + "payload", m.payload(), true, RealtimeBounds.TEXT);
            Instant created = in.instant(at + "created_at", m.createdAt(), now);
            rows.add(new ChatRow(id != null ? id : PrefixedId.newUuid(), peer, type, payload,
                    Boolean.TRUE.equals(m.pinned()), Boolean.TRUE.equals(m.isEdited()), created));
        }
        in.check();
        checkPeers(scope, sessionId, "messages", rows.stream().map(ChatRow::peerId).toList());
        int stored = recordings.insertChat(scope.tenant(), sessionId, rows);
        return Optional.of(new RealtimeViews.BatchResult(sessionId, rows.size(), stored));
    }

    @Transactional
    public Optional<RealtimeViews.BatchResult> appendTranscript(RealtimeScope scope, UUID sessionId,
            RealtimeRequests.TranscriptBatch body) {
        if (sessions.findInScope(scope, sessionId).isEmpty()) {
            return Optional.empty();
        }
        List<RealtimeRequests.Segment> segments = batch("segments", body == null ? null : body.segments());
        Inputs in = new Inputs();
        List<SegmentRow> rows = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            RealtimeRequests.Segment s = segments.get(i);
            String at = "segments[" + i + "].";
            if (s == null) {
                in.fail("segments[" + i + "]", "must be an object");
                continue;
            }
            UUID id = in.id(at + "id", s.id());
            UUID peer = required(in, at + "participant_id", s.participantId());
            String text = in.text(at + "text", s.text(), true, RealtimeBounds.TEXT);
            long start = s.startMs() == null ? -1 : s.startMs();
            long end = s.endMs() == null ? start : s.endMs();
            if (start < 0) {
                in.fail(at + "start_ms", "is required and must be zero or more");
            } else if (end < start) {
                in.fail(at + "end_ms", "must not be before start_ms");
            }
            rows.add(new SegmentRow(id != null ? id : PrefixedId.newUuid(), peer, start, end, text));
        }
        in.check();
        checkPeers(scope, sessionId, "segments", rows.stream().map(SegmentRow::peerId).toList());
        int stored = recordings.insertSegments(scope.tenant(), sessionId, rows);
        return Optional.of(new RealtimeViews.BatchResult(sessionId, rows.size(), stored));
    }

    private static <T> List<T> batch(String field, List<T> items) {
        if (items == null || items.isEmpty()) {
            throw Failure.invalid(field, "must hold 1 to " + RealtimeBounds.BATCH + " items");
        }
        if (items.size() > RealtimeBounds.BATCH) {
            throw Failure.invalid(field, "must hold at most " + RealtimeBounds.BATCH + " items");
        }
        return items;
    }

    private static UUID required(Inputs in, String field, String value) {
        if (value == null) {
            in.fail(field, "is required");
            return null;
        }
        return in.id(field, value);
    }

    /** Every sender must be a peer of this session: one query for the whole batch. */
    private void checkPeers(RealtimeScope scope, UUID sessionId, String field, List<UUID> peers) {
        Set<UUID> known = participants.existing(scope.tenant(), sessionId, new HashSet<>(peers));
        Inputs in = new Inputs();
        for (int i = 0; i < peers.size(); i++) {
            if (!known.contains(peers.get(i))) {
                in.fail(field + "[" + i + "].participant_id", "is not a participant of session " + sessionId);
            }
        }
        in.check();
    }
}
