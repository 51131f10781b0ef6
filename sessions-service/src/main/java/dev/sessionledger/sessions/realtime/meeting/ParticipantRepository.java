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

import dev.sessionledger.sessions.realtime.Like;
import dev.sessionledger.sessions.realtime.PageRequest;
import dev.sessionledger.sessions.realtime.RealtimeKey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Reads and writes peers, always within one tenant and one session. */
@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<RealtimeParticipant, RealtimeKey> {

    private static final String SEARCH = " and (lower(displayName) like :pattern escape '!'"
            + " or lower(userId) like :pattern escape '!' or lower(customParticipantId) like :pattern escape '!')";

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
    private static final String BY_DURATION = "SELECT * FROM rtk_participant" + IN_SESSION + " ORDER BY " + DURATION;

    /**
     * The consolidated view: one row per person (custom participant id, else user id, else the
     * peer alone) over all their stays. Scans one session through {@code rtk_participant_session_joined_idx}.
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
                   array_agg(id ORDER BY joined_at, id) AS peers
              FROM rtk_participant
            """.formatted(DURATION) + IN_SESSION + " GROUP BY coalesce(custom_participant_id, user_id, id::text)";

    public Optional<RealtimeParticipant> findInSession(String tenant, UUID sessionId, UUID peerId) {
        return find("tenantId = ?1 and sessionId = ?2 and id = ?3", tenant, sessionId, peerId).firstResultOptional();
    }

    public Optional<RealtimeParticipant> findInTenant(String tenant, UUID peerId) {
        return find("tenantId = ?1 and id = ?2", tenant, peerId).firstResultOptional();
    }

    /**
     * One page of a session's peers: by join time straight from {@code rtk_participant_session_joined_idx},
     * or by duration as of {@code now} ({@link #BY_DURATION}).
     */
    @SuppressWarnings("unchecked")
    public List<RealtimeParticipant> page(String tenant, UUID sessionId, String search, boolean byDuration,
            PageRequest page, Instant now) {
        if (byDuration) {
            return bind(getEntityManager().createNativeQuery(BY_DURATION + " " + paged(page), RealtimeParticipant.class),
                    tenant, sessionId, search, page, now).getResultList();
        }
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        return find(where(search), Sort.by("joinedAt", direction).and("id", direction), params(tenant, sessionId, search))
                .page(Page.of(page.pageNo() - 1, page.perPage())).list();
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
                    uuids(r[10])));
        }
        return result;
    }

    /** The join times of the peers still inside each of the given sessions, in one query. */
    public Map<UUID, List<Instant>> openStays(String tenant, Collection<UUID> sessionIds) {
        Map<UUID, List<Instant>> stays = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return stays;
        }
        List<RealtimeParticipant> open = list("tenantId = ?1 and sessionId in ?2 and leftAt is null", tenant,
                sessionIds);
        for (RealtimeParticipant p : open) {
            stays.computeIfAbsent(p.sessionId, k -> new ArrayList<>()).add(p.joinedAt);
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
        return "tenantId = :tenant and sessionId = :session" + (search == null ? "" : SEARCH);
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

    /** A person's stays in a session, added together. */
    public record ConsolidatedRow(UUID id, Instant createdAt, String customParticipantId, String displayName,
            BigDecimal duration, Instant joinedAt, Instant leftAt, String presetName, Instant updatedAt,
            String userId, List<UUID> peers) {
    }
}
