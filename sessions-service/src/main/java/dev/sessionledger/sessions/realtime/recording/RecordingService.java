package dev.sessionledger.sessions.realtime.recording;

import java.time.Clock;
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
import dev.sessionledger.commons.errors.FieldError;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.sessions.realtime.BodyValues;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.RequestChecks;
import dev.sessionledger.sessions.realtime.meeting.ParticipantRepository;
import dev.sessionledger.sessions.realtime.meeting.RealtimeSessionRepository;
import dev.sessionledger.sessions.realtime.recording.RecordingRepository.ChatRow;
import dev.sessionledger.sessions.realtime.recording.RecordingRepository.SegmentRow;

/**
 * Appends a session's chat messages and transcript segments, a whole batch or nothing. A batch of
 * an unknown session is not found before its items are checked; the items are checked all at once,
 * each problem named by its element path.
 */
@ApplicationScoped
public class RecordingService {

    @Inject
    Clock clock;

    @Inject
    RealtimeSessionRepository sessions;

    @Inject
    ParticipantRepository participants;

    @Inject
    RecordingRepository recordings;

    @Inject
    RequestChecks checks;

    /** What a batch did: how many items it carried and how many were new (retries are not stored twice). */
    public record Appended(int received, int stored) {
    }

    @Transactional
    public Optional<Appended> appendChat(RealtimeScope scope, UUID sessionId, RecordingRequests.ChatBatch body) {
        if (!sessions.exists(scope, sessionId)) {
            return Optional.empty();
        }
        RecordingRequests.ChatBatch batch = body == null ? new RecordingRequests.ChatBatch(null) : body;
        List<RecordingRequests.ChatMessage> messages = items(batch, "messages", batch.messages());
        Instant now = Instant.now(clock);
        List<ChatRow> rows = new ArrayList<>();
        for (RecordingRequests.ChatMessage m : messages) {
            rows.add(new ChatRow(id(m.id()), Uuids.input("participant_id", m.participantId()),
                    m.payloadType() == null ? RecordingRequests.TEXT : m.payloadType(), m.payload(),
                    Boolean.TRUE.equals(m.pinned()), Boolean.TRUE.equals(m.isEdited()),
                    BodyValues.instant("created_at", m.createdAt(), now)));
        }
        checkPeers(scope, sessionId, "messages", rows.stream().map(ChatRow::peerId).toList());
        int stored = recordings.insertChat(scope.tenant(), sessionId, rows);
        return Optional.of(new Appended(rows.size(), stored));
    }

    @Transactional
    public Optional<Appended> appendTranscript(RealtimeScope scope, UUID sessionId,
            RecordingRequests.TranscriptBatch body) {
        if (!sessions.exists(scope, sessionId)) {
            return Optional.empty();
        }
        RecordingRequests.TranscriptBatch batch = body == null ? new RecordingRequests.TranscriptBatch(null) : body;
        List<RecordingRequests.Segment> segments = items(batch, "segments", batch.segments());
        List<SegmentRow> rows = new ArrayList<>();
        for (RecordingRequests.Segment s : segments) {
            rows.add(new SegmentRow(id(s.id()), Uuids.input("participant_id", s.participantId()), s.startMs(),
                    s.end(), s.text()));
        }
        checkPeers(scope, sessionId, "segments", rows.stream().map(SegmentRow::peerId).toList());
        int stored = recordings.insertSegments(scope.tenant(), sessionId, rows);
        return Optional.of(new Appended(rows.size(), stored));
    }

    /** The batch's items once its size and then every item are valid; else a 400 naming each problem. */
    private <T> List<T> items(Object batch, String field, List<T> items) {
        checks.check(batch);
        List<FieldError> errors = checks.problemsOfEach(field, items);
        if (!errors.isEmpty()) {
            throw Failure.invalid(errors);
        }
        return items;
    }

    private static UUID id(String text) {
        return text == null ? PrefixedId.newUuid() : Uuids.input("id", text);
    }

    /** Every sender must be a peer of this session: one query for the whole batch. */
    private void checkPeers(RealtimeScope scope, UUID sessionId, String field, List<UUID> peers) {
        Set<UUID> known = participants.existing(scope.tenant(), sessionId, new HashSet<>(peers));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            if (!known.contains(peers.get(i))) {
                errors.add(new FieldError(field + "[" + i + "].participant_id",
                        "is not a participant of session " + sessionId));
            }
        }
        if (!errors.isEmpty()) {
            throw Failure.invalid(errors);
        }
    }
}
