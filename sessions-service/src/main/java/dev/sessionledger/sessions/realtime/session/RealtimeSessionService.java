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

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.commons.persistence.IdempotentCreate;
import dev.sessionledger.sessions.realtime.BodyValues;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.meeting.Durations;
import dev.sessionledger.sessions.realtime.meeting.ParticipantRepository;
import dev.sessionledger.sessions.realtime.meeting.PeerEventRow;
import dev.sessionledger.sessions.realtime.meeting.PeerEventRepository;
import dev.sessionledger.sessions.realtime.meeting.PeerEvents;
import dev.sessionledger.sessions.realtime.meeting.RealtimeParticipant;
import dev.sessionledger.sessions.realtime.meeting.RealtimeSession;
import dev.sessionledger.sessions.realtime.meeting.RealtimeSessionRepository;
import dev.sessionledger.sessions.realtime.meeting.SessionQuery;
import dev.sessionledger.sessions.realtime.meeting.SessionRow;
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
                return new Started(snapshot(scope, SessionRow.of(existing.get()), now), false);
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
        return new Started(new SessionSnapshot(SessionRow.of(s), List.of(), now), true);
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
        Map<UUID, List<PeerEventRow>> history = events.byPeer(scope.tenant(), open.stream().map(p -> p.id).toList());
        for (RealtimeParticipant p : open) {
            Durations.close(p, endedAt, now);
            events.persist(PeerEvents.leaving(p, history.getOrDefault(p.id, List.of())));
        }
        s.status = RealtimeSession.ENDED;
        s.endedAt = endedAt;
        sessions.recomputeFigures(s, now);
        return Optional.of(new SessionSnapshot(SessionRow.of(s), List.of(), now));
    }

    /** The session read into a record, with the join times of its peers still inside when it is live. */
    public Optional<SessionSnapshot> find(RealtimeScope scope, UUID id) {
        Instant now = Instant.now(clock);
        return sessions.findRow(scope, id).map(s -> snapshot(scope, s, now));
    }

    /** The session read into a record, without the peers still inside (its live minutes are not shown). */
    public Optional<SessionRow> row(RealtimeScope scope, UUID id) {
        return sessions.findRow(scope, id);
    }

    /** Whether the session is one of this app's, read without the session itself. */
    public boolean exists(RealtimeScope scope, UUID id) {
        return sessions.exists(scope, id);
    }

    /**
     * A page of sessions read into records and the total matching (kept for the whole app, counted
     * for a filtered list); the live minutes of the whole page come from one query. Only a list whose
     * filters plan badly with generic plans ({@link SessionQuery#plannedForValues}) runs in a
     * transaction, the one its custom plans last for: with 10 000 sessions a generic plan reads a
     * wide time range or the live sessions by minutes in tens of milliseconds, a custom one in a tenth.
     */
    public SessionPage list(RealtimeScope scope, SessionQuery query) {
        if (query.plannedForValues()) {
            return QuarkusTransaction.joiningExisting().call(() -> {
                sessions.planForValues();
                return read(scope, query);
            });
        }
        return read(scope, query);
    }

    private SessionPage read(RealtimeScope scope, SessionQuery query) {
        Instant now = Instant.now(clock);
        List<SessionRow> page = sessions.page(scope, query);
        Map<UUID, List<Instant>> open = participants.openStays(scope.tenant(),
                page.stream().filter(SessionRow::isLive).map(SessionRow::id).toList());
        List<SessionSnapshot> snapshots = page.stream()
                .map(s -> new SessionSnapshot(s, open.getOrDefault(s.id(), List.of()), now)).toList();
        return new SessionPage(snapshots, sessions.total(scope, query));
    }

    /** One page of sessions and how many match in all. */
    public record SessionPage(List<SessionSnapshot> sessions, long total) {
    }

    private SessionSnapshot snapshot(RealtimeScope scope, SessionRow s, Instant now) {
        List<Instant> open = s.isLive()
                ? participants.openStays(scope.tenant(), List.of(s.id())).getOrDefault(s.id(), List.of())
                : List.of();
        return new SessionSnapshot(s, open, now);
    }
}
