package dev.sessionledger.sessions.realtime.participant;

import java.time.Instant;
import java.util.List;

import dev.sessionledger.sessions.realtime.meeting.Durations;
import dev.sessionledger.sessions.realtime.meeting.ParticipantRepository;
import dev.sessionledger.sessions.realtime.meeting.PeerEvent;
import dev.sessionledger.sessions.realtime.meeting.RealtimeParticipant;
import dev.sessionledger.sessions.realtime.participant.ParticipantViews.PeerEventView;

/** Maps stored peers and their events to RealtimeKit's participant objects. */
public final class ParticipantMapper {

    private ParticipantMapper() {
    }

    /** @param events the peer's events, or null when they were not asked for */
    public static ParticipantViews.Participant participant(RealtimeParticipant p, Instant now, List<PeerEvent> events) {
        return new ParticipantViews.Participant(p.id, p.createdAt, p.customParticipantId, p.displayName,
                Durations.of(p, now), p.joinedAt, p.leftAt, p.presetName, p.updatedAt, p.userId, peerEvents(p, events));
    }

    /** A person's stays added together; with events, those of all their peers in time order of the stays. */
    public static ParticipantViews.Participant consolidated(ParticipantRepository.ConsolidatedRow row,
            boolean withEvents, ParticipantService.ConsolidatedPage page) {
        List<PeerEventView> events = withEvents
                ? row.peers().stream().flatMap(peer -> page.events().getOrDefault(peer, List.of()).stream()
                        .map(e -> peerEvent(e, page.peers().get(peer)))).toList()
                : null;
        return new ParticipantViews.Participant(row.id(), row.createdAt(), row.customParticipantId(),
                row.displayName(), row.duration(), row.joinedAt(), row.leftAt(), row.presetName(), row.updatedAt(),
                row.userId(), events);
    }

    /** The peer's events as shown, or null when they were not asked for. */
    public static List<PeerEventView> peerEvents(RealtimeParticipant p, List<PeerEvent> events) {
        return events == null ? null : events.stream().map(e -> peerEvent(e, p)).toList();
    }

    private static PeerEventView peerEvent(PeerEvent e, RealtimeParticipant peer) {
        return new PeerEventView(e.id, e.createdAt, e.eventName, e.minutesConsumed, peer.userId, e.peerId,
                e.presetViewType, e.sessionId, e.socketSessionId, e.createdAt);
    }
}
