package dev.sessionledger.sessions.realtime.meeting;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import dev.sessionledger.commons.persistence.QueryPlanning;
import dev.sessionledger.sessions.realtime.Like;
import dev.sessionledger.sessions.realtime.RealtimeKey;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes meeting sessions, always within one tenant and app. */
@ApplicationScoped
public class RealtimeSessionRepository implements PanacheRepositoryBase<RealtimeSession, RealtimeKey> {

    /**
     * Rewrites a session's derived figures from its peers' intervals. The running count walks
     * joins (+1) and leaves (-1) in time order, leaves first on ties, so back-to-back stays do not
     * count as overlapping.
     */
    private static final String RECOMPUTE = """
            UPDATE rtk_session s SET
                participant_count = f.total,
                live_participants = f.live,
                minutes_consumed = f.minutes,
                max_concurrent_participants = m.peak,
                updated_at = :now
            FROM (SELECT count(*) AS total,
                         count(*) FILTER (WHERE left_at IS NULL) AS live,
                         coalesce(sum(duration_minutes), 0) AS minutes
                    FROM rtk_participant WHERE tenant_id = :tenant AND session_id = :session) f,
                 (SELECT coalesce(max(running), 0) AS peak FROM (
                    SELECT sum(delta) OVER (ORDER BY at, delta ROWS UNBOUNDED PRECEDING) AS running FROM (
                        SELECT joined_at AS at, 1 AS delta FROM rtk_participant
                         WHERE tenant_id = :tenant AND session_id = :session
                        UNION ALL
                        SELECT left_at, -1 FROM rtk_participant
                         WHERE tenant_id = :tenant AND session_id = :session AND left_at IS NOT NULL) e) r) m
            WHERE s.tenant_id = :tenant AND s.id = :session
            """;

    /** The app's number of sessions, kept by migration V9's triggers. */
    private static final String KEPT_COUNT =
            "SELECT session_count FROM rtk_app_session_count WHERE tenant_id = :tenant AND app_id = :app";

    private static final String IN_SCOPE = " where s.tenantId = :tenant and s.appId = :app and s.id = :id";

    /** The session as the API shows it, read into a record. */
    public Optional<SessionRow> findRow(RealtimeScope scope, UUID id) {
        return getEntityManager().createQuery(SessionRow.SELECT + IN_SCOPE, SessionRow.class)
                .setParameter("tenant", scope.tenant()).setParameter("app", scope.appId()).setParameter("id", id)
                .getResultList().stream().findFirst();
    }

    /** Whether the session is one of this app's. */
    public boolean exists(RealtimeScope scope, UUID id) {
        return !getEntityManager().createQuery("select 1 from RealtimeSession s" + IN_SCOPE, Integer.class)
                .setParameter("tenant", scope.tenant()).setParameter("app", scope.appId()).setParameter("id", id)
                .getResultList().isEmpty();
    }

    /** Finds and row-locks a session, so that concurrent joins and leaves of it apply one after another. */
    public Optional<RealtimeSession> lockInScope(RealtimeScope scope, UUID id) {
        return find("tenantId = ?1 and appId = ?2 and id = ?3", scope.tenant(), scope.appId(), id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Whether the id is taken in the tenant, by any app. */
    public Optional<RealtimeSession> findInTenant(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResultOptional();
    }

    public void recomputeFigures(RealtimeSession session, Instant now) {
        getEntityManager().flush();
        recomputeFigures(session.tenantId, session.id, now);
        getEntityManager().refresh(session);
    }

    /** The same for a session written by statements, not through its entity. */
    public void recomputeFigures(String tenant, UUID sessionId, Instant now) {
        getEntityManager().createNativeQuery(RECOMPUTE)
                .setParameter("now", now)
                .setParameter("tenant", tenant)
                .setParameter("session", sessionId)
                .executeUpdate();
    }

    /**
     * One page of sessions, read into records. Each filter adds a fixed condition with bound values;
     * the order is served by {@code rtk_session_app_created_idx} or {@code rtk_session_app_minutes_idx}.
     */
    public List<SessionRow> page(RealtimeScope scope, SessionQuery query) {
        Where where = where(scope, query);
        String column = SessionQuery.SORT_MINUTES.equals(query.sortBy()) ? "s.minutesConsumed" : "s.createdAt";
        String direction = query.page().ascending() ? " asc" : " desc";
        TypedQuery<SessionRow> page = getEntityManager().createQuery(SessionRow.SELECT + " where " + where.hql
                + " order by " + column + direction + ", s.id" + direction, SessionRow.class);
        where.params.forEach(page::setParameter);
        return page.setFirstResult(query.page().offset()).setMaxResults(query.page().perPage()).getResultList();
    }

    /**
     * How many sessions the query matches. Without filters that is the app's count kept by migration
     * V9's triggers (no row yet: no session yet); a filter counts the sessions it matches.
     */
    public long total(RealtimeScope scope, SessionQuery query) {
        if (!query.filtered()) {
            List<?> kept = getEntityManager().createNativeQuery(KEPT_COUNT, Long.class)
                    .setParameter("tenant", scope.tenant()).setParameter("app", scope.appId()).getResultList();
            return kept.isEmpty() ? 0 : ((Number) kept.get(0)).longValue();
        }
        Where where = where(scope, query);
        TypedQuery<Long> count = getEntityManager().createQuery("select count(*) from RealtimeSession s where "
                + where.hql, Long.class);
        where.params.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /** Plans the current transaction's further statements for their values ({@link QueryPlanning}). */
    public void planForValues() {
        QueryPlanning.customPlans(getEntityManager());
    }

    private static Where where(RealtimeScope scope, SessionQuery query) {
        StringBuilder hql = new StringBuilder("s.tenantId = :tenant and s.appId = :app");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", scope.tenant());
        params.put("app", scope.appId());
        if (query.associatedId() != null) {
            hql.append(" and s.associatedId = :associated");
            params.put("associated", query.associatedId());
        }
        if (query.status() != null) {
            hql.append(" and s.status = :status");
            params.put("status", query.status());
        }
        if (query.startTime() != null) {
            hql.append(" and s.startedAt >= :start");
            params.put("start", query.startTime());
        }
        if (query.endTime() != null) {
            hql.append(" and s.startedAt <= :end");
            params.put("end", query.endTime());
        }
        if (query.minParticipants() != null) {
            hql.append(" and s.participantCount >= :minParticipants");
            params.put("minParticipants", query.minParticipants());
        }
        if (query.maxParticipants() != null) {
            hql.append(" and s.participantCount <= :maxParticipants");
            params.put("maxParticipants", query.maxParticipants());
        }
        if (query.search() != null) {
            hql.append(" and (lower(s.meetingDisplayName) like :pattern escape '!'"
                    + " or lower(s.associatedId) like :pattern escape '!'");
            params.put("pattern", Like.containing(query.search()));
            if (query.searchId() != null) {
                hql.append(" or s.id = :searchId");
                params.put("searchId", query.searchId());
            }
            hql.append(')');
        }
        return new Where(hql.toString(), params);
    }

    private record Where(String hql, Map<String, Object> params) {
    }
}
