package dev.sessionledger.sessions.realtime.session;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.commons.persistence.IdempotentCreate;
import dev.sessionledger.sessions.realtime.BodyValues;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.meeting.Durations;
import dev.sessionledger.sessions.realtime.meeting.ParticipantRepository;
import dev.sessionledger.sessions.realtime.meeting.PeerEvent;
import dev.sessionledger.sessions.realtime.meeting.PeerEventRepository;
import dev.sessionledger.sessions.realtime.meeting.PeerEvents;
import dev.sessionledger.sessions.realtime.meeting.RealtimeParticipant;
import dev.sessionledger.sessions.realtime.meeting.RealtimeSession;
import dev.sessionledger.sessions.realtime.meeting.RealtimeSessionRepository;
import dev.sessionledger.sessions.realtime.meeting.SessionQuery;
import dev.sessionledger.sessions.realtime.meeting.SessionSnapshot;

/** Starts, ends and reads meeting sessions, keeping their derived figures in step with their peers. */
@ApplicationScoped
public class RealtimeSessionService {

    @Inject
    Clock clock;

    @Inject
    RealtimeSessionRepository sessions;

    @Inject
    ParticipantRepository participants;

    @Inject
    PeerEventRepository events;

    /** The outcome of a start: {@code created} is false when a retry found the session made before. */
    public record Started(SessionSnapshot snapshot, boolean created) {
    }

    /**
     * A new session, or the one an earlier start with the same client-chosen id made; of two such
     * starts at once, the one that loses the insert runs again and answers with the other's session.
     */
    @IdempotentCreate
    @Transactional
    public Started start(RealtimeScope scope, SessionRequests.StartSession body) {
        if (body == null) {
            throw Failure.malformed("A JSON body is required");
        }
        Instant now = Instant.now(clock);
        UUID id = body.id() == null ? null : Uuids.input("id", body.id());
        String associatedId = body.associatedId();
        String title = BodyValues.text(body.meetingDisplayName());
        String type = body.type() == null ? SessionRequests.MEETING : body.type();
        Instant startedAt = BodyValues.instant("started_at", body.startedAt(), now);
        if (id != null) {
            Optional<RealtimeSession> existing = sessions.findInTenant(scope.tenant(), id);
            if (existing.isPresent()) {
                if (!existing.get().appId.equals(scope.appId())) {
                    throw Failure.conflict("Session " + id + " already exists in another app");
                }
                return new Started(snapshot(existing.get(), now), false);
            }
        }
        RealtimeSession s = new RealtimeSession();
        s.id = id != null ? id : PrefixedId.newUuid();
        s.tenantId = scope.tenant();
        s.appId = scope.appId();
        s.associatedId = associatedId;
        s.meetingDisplayName = title != null ? title : associatedId;
        s.type = type;
        s.status = RealtimeSession.LIVE;
        s.meta = body.meta() == null ? Map.of() : body.meta();
        s.startedAt = startedAt;
        s.createdAt = now;
        s.updatedAt = now;
        s.minutesConsumed = BigDecimal.ZERO.setScale(2);
        sessions.persistAndFlush(s);
        return new Started(new SessionSnapshot(s, List.of(), now), true);
    }

    /** Ends a live session; every peer still inside leaves at the end time. */
    @Transactional
    public Optional<SessionSnapshot> end(RealtimeScope scope, UUID id, SessionRequests.End body) {
        Optional<RealtimeSession> found = sessions.lockInScope(scope, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RealtimeSession s = found.get();
        if (!s.isLive()) {
            throw Failure.conflict("Session " + id + " has already ended");
        }
        Instant now = Instant.now(clock);
        Instant endedAt = BodyValues.instant("ended_at", body == null ? null : body.endedAt(), now);
        if (endedAt.isBefore(s.startedAt)) {
            throw Failure.invalid("ended_at", "must not be before the session started (" + s.startedAt + ")");
        }
        List<RealtimeParticipant> open = participants.list("tenantId = ?1 and sessionId = ?2 and leftAt is null",
                scope.tenant(), id);
        for (RealtimeParticipant p : open) {
            if (endedAt.isBefore(p.joinedAt)) {
                throw Failure.invalid("ended_at",
                        "must not be before participant " + p.id + " joined (" + p.joinedAt + ")");
            }
        }
        Map<UUID, List<PeerEvent>> history = events.byPeer(scope.tenant(), open.stream().map(p -> p.id).toList());
        for (RealtimeParticipant p : open) {
            Durations.close(p, endedAt, now);
            events.persist(PeerEvents.leaving(p, history.getOrDefault(p.id, List.of())));
        }
        s.status = RealtimeSession.ENDED;
        s.endedAt = endedAt;
        sessions.recomputeFigures(s, now);
        return Optional.of(new SessionSnapshot(s, List.of(), now));
    }

    public Optional<SessionSnapshot> find(RealtimeScope scope, UUID id) {
        Instant now = Instant.now(clock);
        return sessions.findInScope(scope, id).map(s -> snapshot(s, now));
    }

    /** A page of sessions and the total matching; the live minutes of the whole page come from one query. */
    public SessionPage list(RealtimeScope scope, SessionQuery query) {
        Instant now = Instant.now(clock);
        List<RealtimeSession> page = sessions.page(scope, query);
        Map<UUID, List<Instant>> open = participants.openStays(scope.tenant(),
                page.stream().filter(RealtimeSession::isLive).map(s -> s.id).toList());
        List<SessionSnapshot> snapshots = page.stream()
                .map(s -> new SessionSnapshot(s, open.getOrDefault(s.id, List.of()), now)).toList();
        return new SessionPage(snapshots, sessions.count(scope, query));
    }

    /** One page of sessions and how many match in all. */
    public record SessionPage(List<SessionSnapshot> sessions, long total) {
    }

    private SessionSnapshot snapshot(RealtimeSession s, Instant now) {
        List<Instant> open = s.isLive()
                ? participants.openStays(s.tenantId, List.of(s.id)).getOrDefault(s.id, List.of())
                : List.of();
        return new SessionSnapshot(s, open, now);
    }
}
