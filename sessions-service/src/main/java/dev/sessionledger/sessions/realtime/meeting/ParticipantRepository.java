package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import dev.sessionledger.sessions.realtime.Like;
import dev.sessionledger.sessions.realtime.PageRequest;
import dev.sessionledger.sessions.realtime.RealtimeKey;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes peers, always within one tenant and one session. */
@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<RealtimeParticipant, RealtimeKey> {

    private static final String SEARCH = " and (lower(p.displayName) like :pattern escape '!'"
            + " or lower(p.userId) like :pattern escape '!' or lower(p.customParticipantId) like :pattern escape '!')";

    /**
     * A peer's minutes as the API shows them ({@link Durations#of}): stored once it left; until then
     * from joining to {@code :now}, rounded to two decimals half up as {@link Durations#minutes} is.
     */
    private static final String DURATION = "coalesce(duration_minutes, round(extract(epoch FROM"
            + " (greatest(CAST(:now AS timestamptz), joined_at) - joined_at)) / 60, 2))";

    /** One session's peers, narrowed by {@code :pattern} unless it is null. */
    private static final String IN_SESSION = """
             WHERE tenant_id = :tenant AND session_id = :session
               AND (CAST(:pattern AS text) IS NULL OR lower(display_name) LIKE :pattern ESCAPE '!'
                    OR lower(user_id) LIKE :pattern ESCAPE '!' OR lower(custom_participant_id) LIKE :pattern ESCAPE '!')
            """;

    /**
     * Peers by the duration the list shows. A peer still inside has no stored duration and its
     * own grows with the clock, so no index can give this order: {@code rtk_participant_session_joined_idx}
     * serves the session filter and the sort is of that one session's peers.
     */
    private static final String BY_DURATION = "SELECT " + PeerRow.COLUMNS + " FROM rtk_participant" + IN_SESSION
            + " ORDER BY " + DURATION;

    /**
     * The consolidated view: one row per person (custom participant id, else user id, else the
     * peer alone) over all their stays, with the ids and user ids of its peers in the order of the
     * stays (their events show the user id). Scans one session through {@code rtk_participant_session_joined_idx}.
     */
    private static final String CONSOLIDATED = """
            SELECT (array_agg(id ORDER BY joined_at, id))[1] AS id,
                   min(created_at) AS created_at,
                   max(custom_participant_id) AS custom_participant_id,
                   (array_agg(display_name ORDER BY joined_at DESC, id DESC))[1] AS display_name,
                   sum(%s) AS duration,
                   min(joined_at) AS joined_at,
                   CASE WHEN bool_or(left_at IS NULL) THEN NULL ELSE max(left_at) END AS left_at,
                   (array_agg(preset_name ORDER BY joined_at DESC, id DESC))[1] AS preset_name,
                   max(updated_at) AS updated_at,
                   max(user_id) AS user_id,
                   array_agg(id ORDER BY joined_at, id) AS peers,
                   array_agg(user_id ORDER BY joined_at, id) AS peer_user_ids
              FROM rtk_participant
            """.formatted(DURATION) + IN_SESSION + " GROUP BY coalesce(custom_participant_id, user_id, id::text)";

    /** The peer, to change it. */
    public Optional<RealtimeParticipant> findInSession(String tenant, UUID sessionId, UUID peerId) {
        return find("tenantId = ?1 and sessionId = ?2 and id = ?3", tenant, sessionId, peerId).firstResultOptional();
    }

    /** Whether the peer id is taken in the tenant, by any session. */
    public Optional<RealtimeParticipant> findInTenant(String tenant, UUID peerId) {
        return find("tenantId = ?1 and id = ?2", tenant, peerId).firstResultOptional();
    }

    /** The session's peer as the API shows it, read into a record. */
    public Optional<PeerRow> rowInSession(String tenant, UUID sessionId, UUID peerId) {
        return getEntityManager().createQuery(PeerRow.SELECT
                + " where p.tenantId = :tenant and p.sessionId = :session and p.id = :id", PeerRow.class)
                .setParameter("tenant", tenant).setParameter("session", sessionId).setParameter("id", peerId)
                .getResultList().stream().findFirst();
    }

    /** The peer of any session of the app, read into a record; the app is checked in the same statement. */
    public Optional<PeerRow> rowInApp(RealtimeScope scope, UUID peerId) {
        return getEntityManager().createQuery(PeerRow.SELECT + " where p.tenantId = :tenant and p.id = :id"
                + " and exists (select 1 from RealtimeSession s where s.tenantId = p.tenantId and s.id = p.sessionId"
                + " and s.appId = :app)", PeerRow.class)
                .setParameter("tenant", scope.tenant()).setParameter("id", peerId).setParameter("app", scope.appId())
                .getResultList().stream().findFirst();
    }

    /**
     * One page of a session's peers, read into records: by join time straight from
     * {@code rtk_participant_session_joined_idx}, or by duration as of {@code now} ({@link #BY_DURATION}).
     */
    @SuppressWarnings("unchecked")
    public List<PeerRow> page(String tenant, UUID sessionId, String search, boolean byDuration, PageRequest page,
            Instant now) {
        if (byDuration) {
            List<Object[]> rows = bind(getEntityManager().createNativeQuery(BY_DURATION + " " + paged(page)),
                    tenant, sessionId, search, page, now).getResultList();
            return rows.stream().map(r -> new PeerRow((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], instant(r[6]), instant(r[7]), (BigDecimal) r[8], instant(r[9]),
                    instant(r[10]))).toList();
        }
        String direction = page.ascending() ? " asc" : " desc";
        TypedQuery<PeerRow> query = getEntityManager().createQuery(PeerRow.SELECT + " where " + where(search)
                + " order by p.joinedAt" + direction + ", p.id" + direction, PeerRow.class);
        params(tenant, sessionId, search).forEach(query::setParameter);
        return query.setFirstResult(page.offset()).setMaxResults(page.perPage()).getResultList();
    }

    /** One page of the consolidated view; {@code now} prices the stays still open. */
    @SuppressWarnings("unchecked")
    public List<ConsolidatedRow> consolidatedPage(String tenant, UUID sessionId, String search, boolean byDuration,
            PageRequest page, Instant now) {
        String order = byDuration ? "duration" : "joined_at";
        List<Object[]> rows = bind(getEntityManager().createNativeQuery(CONSOLIDATED + " ORDER BY " + order + " "
                + paged(page)), tenant, sessionId, search, page, now).getResultList();
        List<ConsolidatedRow> result = new ArrayList<>();
        for (Object[] r : rows) {
            result.add(new ConsolidatedRow((UUID) r[0], instant(r[1]), (String) r[2], (String) r[3],
                    (BigDecimal) r[4], instant(r[5]), instant(r[6]), (String) r[7], instant(r[8]), (String) r[9],
                    uuids(r[10]), texts(r[11])));
        }
        return result;
    }

    /** The join times of the peers still inside each of the given sessions, in one query. */
    public Map<UUID, List<Instant>> openStays(String tenant, Collection<UUID> sessionIds) {
        Map<UUID, List<Instant>> stays = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return stays;
        }
        List<Object[]> open = getEntityManager().createQuery("select p.sessionId, p.joinedAt from RealtimeParticipant p"
                + " where p.tenantId = :tenant and p.sessionId in :sessions and p.leftAt is null", Object[].class)
                .setParameter("tenant", tenant).setParameter("sessions", sessionIds).getResultList();
        for (Object[] stay : open) {
            stays.computeIfAbsent((UUID) stay[0], k -> new ArrayList<>()).add((Instant) stay[1]);
        }
        return stays;
    }

    /** Which of the given peer ids belong to the session. */
    public Set<UUID> existing(String tenant, UUID sessionId, Collection<UUID> peerIds) {
        if (peerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select p.id from RealtimeParticipant p where p.tenantId = :tenant"
                        + " and p.sessionId = :session and p.id in :ids", UUID.class)
                .setParameter("tenant", tenant).setParameter("session", sessionId).setParameter("ids", peerIds)
                .getResultList());
    }

    /** The direction of the first sort key, the {@code id} tiebreaker in the same direction, and the page. */
    private static String paged(PageRequest page) {
        String direction = page.ascending() ? "ASC" : "DESC";
        return direction + ", id " + direction + " OFFSET :offset LIMIT :limit";
    }

    private static Query bind(Query query, String tenant, UUID sessionId, String search, PageRequest page, Instant now) {
        return query.setParameter("now", Timestamp.from(now))
                .setParameter("tenant", tenant)
                .setParameter("session", sessionId)
                .setParameter("pattern", search == null ? null : Like.containing(search))
                .setParameter("offset", page.offset())
                .setParameter("limit", page.perPage());
    }

    private static String where(String search) {
        return "p.tenantId = :tenant and p.sessionId = :session" + (search == null ? "" : SEARCH);
    }

    private static Map<String, Object> params(String tenant, UUID sessionId, String search) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant);
        params.put("session", sessionId);
        if (search != null) {
            params.put("pattern", Like.containing(search));
        }
        return params;
    }

    private static List<UUID> uuids(Object value) {
        return Arrays.stream((Object[]) value).map(v -> v instanceof UUID u ? u : UUID.fromString(v.toString()))
                .toList();
    }

    private static List<String> texts(Object value) {
        return Arrays.stream((Object[]) value).map(v -> v == null ? null : v.toString()).toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    /** A person's stays in a session, added together; {@code peerUserIds} is the user id of each of {@code peers}. */
    public record ConsolidatedRow(UUID id, Instant createdAt, String customParticipantId, String displayName,
            BigDecimal duration, Instant joinedAt, Instant leftAt, String presetName, Instant updatedAt,
            String userId, List<UUID> peers, List<String> peerUserIds) {
    }
}
