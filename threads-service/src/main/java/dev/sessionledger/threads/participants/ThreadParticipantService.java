package dev.sessionledger.threads.participants;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.paging.KeysetRequest;
import dev.sessionledger.commons.paging.KeysetSlice;
import dev.sessionledger.commons.paging.ScanPager;
import dev.sessionledger.threads.query.CursorCodec;
import dev.sessionledger.threads.query.SortKey;
import dev.sessionledger.threads.query.Sql;
import dev.sessionledger.threads.thread.ThreadAccess;

/**
 * Lists, adds, moves and removes thread participants within what the caller may see: an
 * administrator the whole tenant, anyone else the threads they take part in. A thread or
 * participant the caller may not see answers as if it did not exist.
 */
@ApplicationScoped
public class ThreadParticipantService {

    private static final String THREAD = "p.thread_id";

    @Inject
    ThreadParticipantRepository participants;

    @Inject
    ParticipantListRepository lists;

    @Inject
    ThreadAccess access;

    @Inject
    CursorCodec cursors;

    @Inject
    Clock clock;

    public ParticipantSlice list(Caller caller, ParticipantListRequest request) {
        if (!caller.isAdmin()) {
            if (request.threadId() == null) {
                throw Failure.invalid("thread_id", "is required for callers who are not administrators");
            }
            if (!access.isMember(caller, request.threadId())) {
                throw Failure.notFound("thread", request.threadId().toString());
            }
        }
        Sql where = where(caller.tenant(), request);
        List<SortKey> keys = request.sort();
        String scope = CursorCodec.scopeOf(where, keys);
        String lead = request.threadId() == null ? null : THREAD;
        KeysetSlice<ThreadParticipant> page = ScanPager.page(lists.scan(where, lead, keys), keyset(request, scope));
        long total = request.wholeThread()
                ? lists.participantCount(caller.tenant(), request.threadId())
                : lists.count(where);
        List<ThreadParticipant> rows = page.rows();
        String start = rows.isEmpty() ? null : cursors.encode(scope, sortValues(rows.get(0), keys));
        String end = rows.isEmpty() ? null : cursors.encode(scope, sortValues(rows.get(rows.size() - 1), keys));
        return new ParticipantSlice(rows, total, page.hasAfter(), page.hasBefore(), start, end);
    }

    public Optional<ThreadParticipant> find(Caller caller, UUID id) {
        return visible(caller, participants.findInTenant(caller.tenant(), id));
    }

    /** Adds a participant to a thread the caller may see; a conflict when the same one already takes part in it. */
    @Transactional
    public ThreadParticipant add(Caller caller, NewParticipant joining) {
        UUID threadId = joining.threadId();
        if (!access.canSee(caller, threadId)) {
            throw Failure.notFound("thread", threadId.toString());
        }
        ThreadParticipant participant = new ThreadParticipant();
        participant.id = PrefixedId.newUuid();
        participant.tenantId = caller.tenant();
        participant.threadId = threadId;
        participant.userId = joining.userId();
        participant.agentId = joining.agentId();
        participant.swarmId = joining.swarmId();
        participant.externalIdentity = joining.externalIdentity();
        participant.displayName = joining.displayName();
        participant.joinedAt = clock.instant();
        try {
            participants.persistAndFlush(participant);
        } catch (ConstraintViolationException e) {
            throw Failure.conflict("This user, agent, swarm or external identity already takes part in the thread");
        }
        return participant;
    }

    /**
     * Moves a participant's read marker or renames it. Read state is personal: a caller who is not an
     * administrator may change only their own participant.
     */
    @Transactional
    public Optional<ThreadParticipant> update(Caller caller, UUID id, ParticipantChange change) {
        Optional<ThreadParticipant> found = visible(caller, participants.lockInTenant(caller.tenant(), id));
        found.ifPresent(p -> {
            requireSelfOrAdmin(caller, p, "change");
            if (change.lastReadMessageId() != null) {
                p.lastReadMessageId = change.lastReadMessageId();
            }
            if (change.lastReadAt() != null) {
                p.lastReadAt = change.lastReadAt();
            } else if (change.lastReadMessageId() != null) {
                p.lastReadAt = clock.instant();
            }
            if (change.displayName() != null) {
                p.displayName = change.displayName();
            }
        });
        return found;
    }

    /**
     * Whether a participant the caller may see was removed. An administrator removes anyone of the
     * tenant; anyone else only themselves, as with read state. The removal is one statement, so of
     * two at once one removes the participant and the other finds it gone.
     */
    @Transactional
    public boolean remove(Caller caller, UUID id) {
        if (caller.isAdmin()) {
            return participants.deleteInTenant(caller.tenant(), id, null);
        }
        Optional<ThreadParticipant> found = find(caller, id);
        found.ifPresent(p -> requireSelfOrAdmin(caller, p, "remove"));
        return found.isPresent() && participants.deleteInTenant(caller.tenant(), id, caller.subject());
    }

    /** A participant is the caller's to see if they are an administrator or take part in its thread. */
    private Optional<ThreadParticipant> visible(Caller caller, Optional<ThreadParticipant> participant) {
        return participant.filter(p -> caller.isAdmin() || access.isMember(caller, p.threadId));
    }

    private static void requireSelfOrAdmin(Caller caller, ThreadParticipant participant, String action) {
        if (!caller.isAdmin() && !caller.subject().equals(participant.userId)) {
            throw Failure.forbidden("Only the participant themselves or an administrator may " + action + " it");
        }
    }

    private static Sql where(String tenant, ParticipantListRequest request) {
        Sql where = Sql.bound("p.tenant_id = ?", tenant);
        if (request.threadId() != null) {
            // A closed range rather than "=": PostgreSQL would drop a column fixed by "=" from the
            // order, and then walk the primary key for any filter it expects to match often, reading
            // every other thread's rows first. Led by thread_id, the order is given only by the
            // thread's (tenant_id, thread_id, <key>, id) indexes (see migration V2).
            where = Sql.and(where, new Sql(THREAD + " >= ? AND " + THREAD + " <= ?",
                    List.of(request.threadId(), request.threadId())));
        }
        if (!request.ids().isEmpty()) {
            String markers = String.join(", ", Collections.nCopies(request.ids().size(), "?"));
            where = Sql.and(where, new Sql("p.id IN (" + markers + ")", new ArrayList<>(request.ids())));
        }
        for (Map.Entry<ParticipantField, String> equal : request.equals().entrySet()) {
            where = Sql.and(where, Sql.bound(equal.getKey().column() + " = ?", equal.getValue()));
        }
        return Sql.and(where, request.filter());
    }

    /** The page asked for, anchored on the sort values its cursor carries. */
    private KeysetRequest<List<Object>> keyset(ParticipantListRequest request, String scope) {
        if (request.before() != null) {
            return KeysetRequest.before(request.limit(), cursors.decode(request.before(), "before", scope, request.sort()));
        }
        if (request.after() != null) {
            return KeysetRequest.after(request.limit(), cursors.decode(request.after(), "after", scope, request.sort()));
        }
        return KeysetRequest.first(request.limit());
    }

    private static List<Object> sortValues(ThreadParticipant row, List<SortKey> keys) {
        return keys.stream().map(k -> ((ParticipantField) k.field()).valueOf(row)).toList();
    }
}
