package dev.sessionledger.sessions.realtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.sessionledger.sessions.realtime.RealtimeViews.PeerDetails;
import dev.sessionledger.sessions.realtime.RealtimeViews.PeerEventView;

/** Maps stored meeting data to the RealtimeKit objects. */
public final class RealtimeMapper {

    private RealtimeMapper() {
    }

    public static RealtimeViews.Session session(SessionSnapshot snapshot, boolean withBreakoutRooms) {
        RealtimeSession s = snapshot.session();
        return new RealtimeViews.Session(s.id, s.associatedId, s.createdAt, s.liveParticipants,
                s.maxConcurrentParticipants, s.meetingDisplayName, snapshot.minutesConsumed(), s.appId,
                s.startedAt, s.status, s.type, s.updatedAt, withBreakoutRooms ? List.of() : null, s.endedAt,
                s.meta);
    }

    /** @param events the peer's events, or null when they were not asked for */
    public static RealtimeViews.Participant participant(RealtimeParticipant p, Instant now, List<PeerEvent> events) {
        return new RealtimeViews.Participant(p.id, p.createdAt, p.customParticipantId, p.displayName,
                Durations.of(p, now), p.joinedAt, p.leftAt, p.presetName, p.updatedAt, p.userId,
                events == null ? null : events.stream().map(e -> peerEvent(e, p)).toList());
    }

    /** A person's stays added together; with events, those of all their peers in time order of the stays. */
    public static RealtimeViews.Participant consolidated(ParticipantRepository.ConsolidatedRow row, boolean withEvents,
            ParticipantService.ConsolidatedPage page) {
        List<PeerEventView> events = withEvents
                ? row.peers().stream().flatMap(peer -> page.events().getOrDefault(peer, List.of()).stream()
                        .map(e -> peerEvent(e, page.peers().get(peer)))).toList()
                : null;
        return new RealtimeViews.Participant(row.id(), row.createdAt(), row.customParticipantId(), row.displayName(),
                row.duration(), row.joinedAt(), row.leftAt(), row.presetName(), row.updatedAt(), row.userId(),
                events);
    }

    public static PeerEventView peerEvent(PeerEvent e, RealtimeParticipant peer) {
        return new PeerEventView(e.id, e.createdAt, e.eventName, e.minutesConsumed, peer.userId, e.peerId,
                e.presetViewType, e.sessionId, e.socketSessionId, e.createdAt);
    }

    /** @param report the peer's report already narrowed to the asked-for parts, or null */
    public static RealtimeViews.PeerReportData peerReport(RealtimeParticipant p, Instant now, List<PeerEvent> events,
            Map<String, Object> metadata, Map<String, Object> quality) {
        PeerDetails details = new PeerDetails(p.id, p.sessionId, p.createdAt, p.customParticipantId, p.displayName,
                Durations.of(p, now), p.joinedAt, p.leftAt, p.presetName, p.updatedAt, p.userId,
                events == null ? null : events.stream().map(e -> peerEvent(e, p)).toList(),
                new RealtimeViews.PeerReportView(metadata, quality));
        return new RealtimeViews.PeerReportData(details, details);
    }
}
