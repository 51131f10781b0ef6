package dev.sessionledger.sessions.realtime.participant;

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
import dev.sessionledger.sessions.realtime.meeting.PeerEventRow;
import dev.sessionledger.sessions.realtime.meeting.PeerEvents;
import dev.sessionledger.sessions.realtime.meeting.PeerRow;
import dev.sessionledger.sessions.realtime.meeting.RealtimeParticipant;
import dev.sessionledger.sessions.realtime.meeting.RealtimeSession;
import dev.sessionledger.sessions.realtime.meeting.RealtimeSessionRepository;

/** Peers joining and leaving sessions, and reading them back. */
@ApplicationScoped
public class ParticipantService {

    @Inject
    Clock clock;

    @Inject
    RealtimeSessionRepository sessions;

    @Inject
    ParticipantRepository participants;

    @Inject
    PeerEventRepository events;

    /**
     * The outcome of a join, read at {@code asOf}: {@code created} is false when a retry found the
     * peer already inside.
     */
    public record Joined(PeerRow peer, boolean created, Instant asOf) {
    }

    /**
     * A page of peers with their events when asked for, read at {@code asOf}: the instant that
     * prices the stays still open, both for the order and for the durations shown. RealtimeKit's
     * participant list carries no paging total, so none is counted.
     */
    public record ParticipantPage(List<PeerRow> peers, Map<UUID, List<PeerEventRow>> events, Instant asOf) {
    }

    /** A page of the consolidated view; like the raw view, without a total. */
    public record ConsolidatedPage(List<ParticipantRepository.ConsolidatedRow> people,
            Map<UUID, List<PeerEventRow>> events) {
    }

    /**
     * A peer joins, or a retry finds the peer an earlier join with the same client-chosen id made.
     * Joins of one session take turns on its row; a peer id is unique in the tenant, though, so two
     * joins of one id into different sessions can still race: the loser runs again and gets the 409.
     */
    @IdempotentCreate
    @Transactional
    public Optional<Joined> join(RealtimeScope scope, UUID sessionId, ParticipantRequests.Join body) {
        if (body == null) {
            throw Failure.malformed("A JSON body is required");
        }
        Optional<RealtimeSession> found = sessions.lockInScope(scope, sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RealtimeSession session = found.get();
        Instant now = Instant.now(clock);
        UUID peerId = body.peerId() == null ? null : Uuids.input("peer_id", body.peerId());
        String userId = BodyValues.text(body.userId());
        String customId = BodyValues.text(body.customParticipantId());
        String name = body.displayName();
        String preset = BodyValues.text(body.presetName());
        String viewType = body.presetViewType();
        String socket = BodyValues.text(body.socketSessionId());
        Instant joinedAt = BodyValues.instant("joined_at", body.joinedAt(), now);
        if (peerId != null) {
            Optional<RealtimeParticipant> existing = participants.findInTenant(scope.tenant(), peerId);
            if (existing.isPresent()) {
                RealtimeParticipant p = existing.get();
                if (p.sessionId.equals(sessionId) && p.leftAt == null) {
                    return Optional.of(new Joined(PeerRow.of(p), false, now));
                }
                throw Failure.conflict("Peer " + peerId + " has already been used; a rejoin is a new peer");
            }
        }
        if (!session.isLive()) {
            throw Failure.conflict("Session " + sessionId + " has ended; nobody can join it");
        }
        if (joinedAt.isBefore(session.startedAt)) {
            throw Failure.invalid("joined_at", "must not be before the session started (" + session.startedAt + ")");
        }
        RealtimeParticipant p = new RealtimeParticipant();
        p.id = peerId != null ? peerId : PrefixedId.newUuid();
        p.tenantId = scope.tenant();
        p.sessionId = sessionId;
        p.userId = userId;
        p.customParticipantId = customId;
        p.displayName = name;
        p.presetName = preset;
        p.joinedAt = joinedAt;
        p.createdAt = now;
        p.updatedAt = now;
        participants.persist(p);
        events.persist(PeerEvents.of(p, PeerEvent.CREATED, joinedAt, viewType, socket));
        events.persist(PeerEvents.of(p, PeerEvent.JOINING, joinedAt, viewType, socket));
        sessions.recomputeFigures(session, now);
        return Optional.of(new Joined(PeerRow.of(p), true, now));
    }

    @Transactional
    public Optional<PeerRow> leave(RealtimeScope scope, UUID sessionId, UUID peerId,
            ParticipantRequests.Leave body) {
        Optional<RealtimeSession> session = sessions.lockInScope(scope, sessionId);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<RealtimeParticipant> found = participants.findInSession(scope.tenant(), sessionId, peerId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RealtimeParticipant p = found.get();
        if (p.leftAt != null) {
            throw Failure.conflict("Participant " + peerId + " has already left at " + p.leftAt);
        }
        Instant now = Instant.now(clock);
        Instant leftAt = BodyValues.instant("left_at", body == null ? null : body.leftAt(), now);
        if (leftAt.isBefore(p.joinedAt)) {
            throw Failure.invalid("left_at", "must not be before the participant joined (" + p.joinedAt + ")");
        }
        Durations.close(p, leftAt, now);
        events.persist(PeerEvents.leaving(p, events.byPeer(scope.tenant(), List.of(p.id)).getOrDefault(p.id, List.of())));
        sessions.recomputeFigures(session.get(), now);
        return Optional.of(PeerRow.of(p));
    }

    /** A page of the session's peers read into records, with their events in one more query when asked for. */
    public Optional<ParticipantPage> list(RealtimeScope scope, UUID sessionId, ParticipantQuery query) {
        if (!sessions.exists(scope, sessionId)) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        List<PeerRow> peers = participants.page(scope.tenant(), sessionId, query.search(), byDuration(query),
                query.page(), now);
        Map<UUID, List<PeerEventRow>> peerEvents = query.withEvents()
                ? events.byPeer(scope.tenant(), peers.stream().map(PeerRow::id).toList())
                : Map.of();
        return Optional.of(new ParticipantPage(peers, peerEvents, now));
    }

    /** A page of the consolidated view; its rows carry their peers' user ids, which the events show. */
    public Optional<ConsolidatedPage> consolidated(RealtimeScope scope, UUID sessionId, ParticipantQuery query) {
        if (!sessions.exists(scope, sessionId)) {
            return Optional.empty();
        }
        List<ParticipantRepository.ConsolidatedRow> people = participants.consolidatedPage(scope.tenant(), sessionId,
                query.search(), byDuration(query), query.page(), Instant.now(clock));
        Map<UUID, List<PeerEventRow>> peerEvents = query.withEvents()
                ? events.byPeer(scope.tenant(), people.stream().flatMap(r -> r.peers().stream()).toList())
                : Map.of();
        return Optional.of(new ConsolidatedPage(people, peerEvents));
    }

    /** A peer of a session of this app, with its events when asked for (else null). */
    public Optional<PeerWithEvents> find(RealtimeScope scope, UUID sessionId, UUID peerId, boolean withEvents) {
        if (!sessions.exists(scope, sessionId)) {
            return Optional.empty();
        }
        return participants.rowInSession(scope.tenant(), sessionId, peerId).map(p -> withEvents(scope, p, withEvents));
    }

    /** A peer of any session of this app, found with its session's app in one query. */
    public Optional<PeerWithEvents> findPeer(RealtimeScope scope, UUID peerId, boolean withEvents) {
        return participants.rowInApp(scope, peerId).map(p -> withEvents(scope, p, withEvents));
    }

    private PeerWithEvents withEvents(RealtimeScope scope, PeerRow p, boolean withEvents) {
        return new PeerWithEvents(p, withEvents ? events.byPeer(scope.tenant(), List.of(p.id()))
                .getOrDefault(p.id(), List.of()) : null, Instant.now(clock));
    }

    /** A peer read at {@code asOf}, the instant that prices a stay still open, and its events when asked for. */
    public record PeerWithEvents(PeerRow peer, List<PeerEventRow> events, Instant asOf) {
    }

    private static boolean byDuration(ParticipantQuery query) {
        return ParticipantQuery.SORT_DURATION.equals(query.sortBy());
    }
}
