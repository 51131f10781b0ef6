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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.paging.KeysetRequest;
import dev.sessionledger.commons.paging.KeysetScan;
import dev.sessionledger.commons.paging.KeysetSlice;
import dev.sessionledger.commons.paging.ScanPager;
import dev.sessionledger.commons.persistence.QueryPlanning;
import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.threads.query.Cursor;
import dev.sessionledger.threads.query.CursorCodec;
import dev.sessionledger.threads.query.SortKey;
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
    ParticipantReads reads;

    @Inject
    EntityManager entityManager;

    @Inject
    ThreadAccess access;

    @Inject
    CursorCodec cursors;

    @Inject
    Clock clock;

    /**
     * One page of the participants the request picks. The page is read from its cursor's own row on
     * (see {@link ScanPager}), so a page after the first runs as many statements as the first. A
     * whole thread's total is the count the database keeps, read for every page; any other list's
     * total is counted for its first page and carried in that page's cursors and the cursors of the
     * pages reached from them, so later pages report the total as of the first page.
     */
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
        Cursor cursor = cursor(request, scope);
        String lead = request.threadId() == null ? null : THREAD;
        KeysetScan<ParticipantRow, List<Object>> scan = reads.scan(where, lead, keys);
        KeysetRequest<List<Object>> keyset = keyset(request, cursor);
        Read read;
        if (request.narrowed()) {
            // Which index reads a narrowed list best depends on how many rows its values match, which
            // only a plan made for those values knows; the generic plan reads every match and sorts.
            read = QuarkusTransaction.joiningExisting().call(() -> {
                long total = total(caller, request, where, cursor);
                QueryPlanning.customPlans(entityManager);
                return new Read(page(scan, keyset, keys), total);
            });
        } else {
            read = new Read(page(scan, keyset, keys), total(caller, request, where, cursor));
        }
        Long carried = request.wholeThread() ? null : read.total();
        List<ParticipantRow> rows = read.page().rows();
        String start = rows.isEmpty() ? null : cursors.encode(scope, sortValues(rows.get(0), keys), carried);
        String end = rows.isEmpty() ? null
                : cursors.encode(scope, sortValues(rows.get(rows.size() - 1), keys), carried);
        return new ParticipantSlice(rows, read.total(), read.page().hasAfter(), read.page().hasBefore(), start, end);
    }

    public Optional<ParticipantRow> find(Caller caller, UUID id) {
        return reads.findInTenant(caller.tenant(), id).filter(p -> maySee(caller, p.threadId()));
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
        Optional<ThreadParticipant> found = participants.lockInTenant(caller.tenant(), id)
                .filter(p -> maySee(caller, p.threadId));
        found.ifPresent(p -> {
            requireSelfOrAdmin(caller, p.userId, "change");
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
        Optional<ParticipantRow> found = find(caller, id);
        found.ifPresent(p -> requireSelfOrAdmin(caller, p.userId(), "remove"));
        return found.isPresent() && participants.deleteInTenant(caller.tenant(), id, caller.subject());
    }

    /** A participant is the caller's to see if they are an administrator or take part in its thread. */
    private boolean maySee(Caller caller, UUID threadId) {
        return caller.isAdmin() || access.isMember(caller, threadId);
    }

    /** @param userId the participant's user, null for an agent, a swarm or an external identity */
    private static void requireSelfOrAdmin(Caller caller, String userId, String action) {
        if (!caller.isAdmin() && !caller.subject().equals(userId)) {
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

    /** The cursor the request pages from, checked against the query it must belong to; null for a first page. */
    private Cursor cursor(ParticipantListRequest request, String scope) {
        if (request.before() != null) {
            return cursors.decode(request.before(), "before", scope, request.sort());
        }
        if (request.after() != null) {
            return cursors.decode(request.after(), "after", scope, request.sort());
        }
        return null;
    }

    /** The page asked for, anchored on the sort values its cursor carries. */
    private static KeysetRequest<List<Object>> keyset(ParticipantListRequest request, Cursor cursor) {
        if (cursor == null) {
            return KeysetRequest.first(request.limit());
        }
        return request.before() != null
                ? KeysetRequest.before(request.limit(), cursor.values())
                : KeysetRequest.after(request.limit(), cursor.values());
    }

    /** A page read from its anchor's own row: a row with the anchor's sort values is that row, the id among them. */
    private static KeysetSlice<ParticipantRow> page(KeysetScan<ParticipantRow, List<Object>> scan,
            KeysetRequest<List<Object>> keyset, List<SortKey> keys) {
        return ScanPager.page(scan, keyset, (row, anchor) -> sortValues(row, keys).equals(anchor));
    }

    /** The whole thread's kept count, the total a cursor carries, or else a count of the matches. */
    private long total(Caller caller, ParticipantListRequest request, Sql where, Cursor cursor) {
        if (request.wholeThread()) {
            return reads.participantCount(caller.tenant(), request.threadId());
        }
        return cursor != null && cursor.total() != null ? cursor.total() : reads.count(where);
    }

    /** A page and the list's total. */
    private record Read(KeysetSlice<ParticipantRow> page, long total) {
    }

    private static List<Object> sortValues(ParticipantRow row, List<SortKey> keys) {
        return keys.stream().map(k -> ((ParticipantField) k.field()).valueOf(row)).toList();
    }
}
