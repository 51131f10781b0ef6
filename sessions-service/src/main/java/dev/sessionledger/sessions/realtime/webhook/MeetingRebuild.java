package dev.sessionledger.sessions.realtime.webhook;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.sessions.realtime.meeting.RealtimeSessionRepository;
import dev.sessionledger.sessions.realtime.recording.RecordingRepository;
import dev.sessionledger.sessions.realtime.summary.TranscriptSummary;
import dev.sessionledger.sessions.realtime.summary.TranscriptSummaryRepository;
import dev.sessionledger.sessions.realtime.webhook.MeetingProjection.Meeting;
import dev.sessionledger.sessions.realtime.webhook.MeetingProjection.PeerState;

/**
 * Writes a projected meeting and a delivery's file, in the transaction that stored the delivery:
 * the session first, then the peers the file names and its rows, then the peers as their joins and
 * leaves say (over anything a file said of them) where that differs from what is stored, those left
 * closed at the end, the events of every peer written, and the session's figures, as the write API
 * derives them.
 */
@ApplicationScoped
public class MeetingRebuild {

    private static final Logger LOG = Logger.getLogger(MeetingRebuild.class);

    /** The generator a summary imported from RealtimeKit is stored under. */
    static final String IMPORTED = "realtimekit";

    @Inject
    MeetingWriter writer;

    @Inject
    RecordingRepository recordings;

    @Inject
    TranscriptSummaryRepository summaries;

    @Inject
    RealtimeSessionRepository sessions;

    /** The file a delivery names, read as its event says. */
    public ImportedFile readFile(Delivery delivery, byte[] bytes) throws FileReader.Unreadable {
        return switch (delivery.event()) {
            case Delivery.CHAT -> FileReader.chat(bytes, delivery.sessionId());
            case Delivery.TRANSCRIPT -> FileReader.transcript(bytes, delivery.sessionId());
            case Delivery.SUMMARY -> FileReader.summary(bytes);
            default -> throw new IllegalArgumentException(delivery.event() + " names no file");
        };
    }

    /** @param file the delivery's file, or null */
    public void write(WebhookEndpoint endpoint, Delivery delivery, Meeting meeting, ImportedFile file, Instant now) {
        String tenant = endpoint.tenantId;
        UUID sessionId = delivery.sessionId();
        if (!writer.upsertSession(tenant, endpoint.appId, sessionId, meeting.session(), now)) {
            throw Failure.conflict("Session " + sessionId + " belongs to another app of this account");
        }
        Set<UUID> touched = new HashSet<>();
        if (file != null) {
            Instant start = meeting.session().startedAt();
            List<PeerState> named = file.peers().stream().map(p -> p.at(start)).toList();
            writer.mergeNamedPeers(tenant, sessionId, named, now);
            named.forEach(p -> touched.add(p.id()));
            // A peer id another session of the tenant holds is not this one's: its rows are left out.
            Set<UUID> own = writer.ownPeers(tenant, sessionId, named.stream().map(PeerState::id).toList());
            List<RecordingRepository.ChatRow> chat = file.chat().stream().filter(r -> own.contains(r.peerId())).toList();
            List<RecordingRepository.SegmentRow> segments = file.segments().stream()
                    .filter(r -> own.contains(r.peerId())).toList();
            if (chat.size() + segments.size() < file.chat().size() + file.segments().size()) {
                LOG.warnf("Session %s: rows of peers another session holds were left out of its %s", sessionId,
                        delivery.event());
            }
            if (!chat.isEmpty()) {
                recordings.insertChat(tenant, sessionId, chat);
            }
            if (!segments.isEmpty()) {
                recordings.insertSegments(tenant, sessionId, segments);
            }
            if (file.summary() != null) {
                TranscriptSummary summary = new TranscriptSummary();
                summary.tenantId = tenant;
                summary.sessionId = sessionId;
                summary.generator = IMPORTED;
                summary.highlights = List.of();
                summary.text = file.summary();
                summary.createdAt = now;
                summaries.replace(summary);
            }
        }
        // Only what the projection changes is written: a delivery costs its own peers, not the meeting's.
        Map<UUID, PeerState> stored = writer.storedPeers(tenant, sessionId);
        List<PeerState> changed = meeting.peers().stream().filter(p -> !p.equals(stored.get(p.id()))).toList();
        writer.upsertPeers(tenant, sessionId, changed, now);
        changed.forEach(p -> touched.add(p.id()));
        touched.addAll(writer.closeOthers(tenant, sessionId, meeting.peers(), meeting.session().endedAt(), now));
        writer.rebuildPeerEvents(tenant, sessionId, touched);
        sessions.recomputeFigures(tenant, sessionId, now);
    }
}
