package dev.sessionledger.sessions.realtime.peerreport;

import dev.sessionledger.sessions.realtime.meeting.Durations;
import dev.sessionledger.sessions.realtime.meeting.PeerRow;
import dev.sessionledger.sessions.realtime.participant.ParticipantMapper;

/** Maps a peer with its report, read into records, to RealtimeKit's peer report object. */
public final class PeerReportMapper {

    private PeerReportMapper() {
    }

    /** @param result the peer, its events when asked for, and its report narrowed to the asked-for parts */
    public static PeerReportViews.PeerReportData peerReport(PeerReportService.PeerReportResult result) {
        PeerRow p = result.peer().peer();
        PeerReportViews.PeerDetails details = new PeerReportViews.PeerDetails(p.id(), p.sessionId(), p.createdAt(),
                p.customParticipantId(), p.displayName(), Durations.of(p, result.peer().asOf()), p.joinedAt(),
                p.leftAt(), p.presetName(), p.updatedAt(), p.userId(),
                ParticipantMapper.peerEvents(p, result.peer().events()),
                new PeerReportViews.PeerReportView(result.metadata(), result.quality()));
        return new PeerReportViews.PeerReportData(details, details);
    }
}
