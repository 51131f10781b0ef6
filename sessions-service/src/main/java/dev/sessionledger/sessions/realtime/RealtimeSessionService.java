package dev.sessionledger.sessions.realtime;

import java.math.BigDecimal;
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
import dev.sessionledger.commons.persistence.IdempotentCreate;

/** Starts, ends and reads meeting sessions, keeping their derived figures in step with their peers. */
@ApplicationScoped
public class RealtimeSessionService {

    static final List<String> TYPES = List.of("meeting", "livestream", "participant");

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
    public Started start(RealtimeScope scope, RealtimeRequests.StartSession body) {
        if (body == null) {
            throw Failure.malformed("A JSON body is required");
        }
        Instant now = Inputs.now();
        Inputs in = new Inputs();
        UUID id = in.id("id", body.id());
        String associatedId = in.text("associated_id", body.associatedId(), true, RealtimeBounds.ASSOCIATED_ID);
        String title = in.text("meeting_display_name", body.meetingDisplayName(), false, RealtimeBounds.NAME);
        String type = in.oneOf("type", body.type(), TYPES, "meeting");
        Instant startedAt = in.instant("started_at", body.startedAt(), now);
        in.freeForm("meta", body.meta(), RealtimeBounds.META_KEYS, RealtimeBounds.META_TEXT);
        in.check();
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
    public Optional<SessionSnapshot> end(RealtimeScope scope, UUID id, RealtimeRequests.End body) {
        Optional<RealtimeSession> found = sessions.lockInScope(scope, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RealtimeSession s = found.get();
        if (!s.isLive()) {
            throw Failure.conflict("Session " + id + " has already ended");
        }
        Instant now = Inputs.now();
        Inputs in = new Inputs();
        Instant endedAt = in.instant("ended_at", body == null ? null : body.endedAt(), now);
        in.check();
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
        Instant now = Inputs.now();
        return sessions.findInScope(scope, id).map(s -> snapshot(s, now));
    }

    /** A page of sessions and the total matching; the live minutes of the whole page come from one query. */
    public SessionPage list(RealtimeScope scope, SessionQuery query) {
        Instant now = Inputs.now();
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
