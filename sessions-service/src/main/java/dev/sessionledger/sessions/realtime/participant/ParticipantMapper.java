package dev.sessionledger.sessions.realtime.participant;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import dev.sessionledger.sessions.realtime.meeting.Durations;
import dev.sessionledger.sessions.realtime.meeting.ParticipantRepository;
import dev.sessionledger.sessions.realtime.meeting.PeerEventRow;
import dev.sessionledger.sessions.realtime.meeting.PeerRow;
import dev.sessionledger.sessions.realtime.participant.ParticipantViews.PeerEventView;

/** Maps peers and their events, read into records, to RealtimeKit's participant objects. */
public final class ParticipantMapper {

    private ParticipantMapper() {
    }

    /** @param events the peer's events, or null when they were not asked for */
    public static ParticipantViews.Participant participant(PeerRow p, Instant now, List<PeerEventRow> events) {
        return new ParticipantViews.Participant(p.id(), p.createdAt(), p.customParticipantId(), p.displayName(),
                Durations.of(p, now), p.joinedAt(), p.leftAt(), p.presetName(), p.updatedAt(), p.userId(),
                peerEvents(p, events));
    }

    /** A person's stays added together; with events, those of all their peers in time order of the stays. */
    public static ParticipantViews.Participant consolidated(ParticipantRepository.ConsolidatedRow row,
            boolean withEvents, ParticipantService.ConsolidatedPage page) {
        List<PeerEventView> events = withEvents
                ? IntStream.range(0, row.peers().size()).boxed().flatMap(i -> page.events()
                        .getOrDefault(row.peers().get(i), List.of()).stream()
                        .map(e -> peerEvent(e, row.peerUserIds().get(i)))).toList()
                : null;
        return new ParticipantViews.Participant(row.id(), row.createdAt(), row.customParticipantId(),
                row.displayName(), row.duration(), row.joinedAt(), row.leftAt(), row.presetName(), row.updatedAt(),
                row.userId(), events);
    }

    /** The peer's events as shown, or null when they were not asked for. */
    public static List<PeerEventView> peerEvents(PeerRow p, List<PeerEventRow> events) {
        return events == null ? null : events.stream().map(e -> peerEvent(e, p.userId())).toList();
    }

    /** An event shows its peer's user id as {@code participant_id}. */
    private static PeerEventView peerEvent(PeerEventRow e, String userId) {
        return new PeerEventView(e.id(), e.createdAt(), e.eventName(), e.minutesConsumed(), userId, e.peerId(),
                e.presetViewType(), e.sessionId(), e.socketSessionId(), e.createdAt());
    }
}
