package dev.sessionledger.sessions.realtime.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.sessionledger.commons.persistence.QueryPlanning;
import dev.sessionledger.commons.persistence.RowSelect;
import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.sessions.realtime.Like;
import dev.sessionledger.sessions.realtime.RealtimeKey;
import dev.sessionledger.sessions.realtime.RealtimeScope;

/**
 * Reads and writes meeting sessions, always within one tenant and app: reads as plain statements
 * into records ({@link SqlReads}), writes through the entity.
 */
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

    private static final RowSelect<SessionRow> ROWS = RowSelect.of(SessionRow.class, RealtimeSession.class);

    /** The app's number of sessions, kept by migration V9's triggers. */
    private static final String KEPT_COUNT =
            "select session_count from rtk_app_session_count where tenant_id = ? and app_id = ?";

    private static final String IN_SCOPE = "tenant_id = ? and app_id = ? and id = ?";

    @Inject
    SqlReads reads;

    /** The session as the API shows it, read into a record. */
    public Optional<SessionRow> findRow(RealtimeScope scope, UUID id) {
        return ROWS.one(reads, IN_SCOPE, scope.tenant(), scope.appId(), id);
    }

    /** Whether the session is one of this app's. */
    public boolean exists(RealtimeScope scope, UUID id) {
        return reads.exists(new Sql("select 1 from rtk_session where " + IN_SCOPE,
                List.of(scope.tenant(), scope.appId(), id)));
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
        String column = SessionQuery.SORT_MINUTES.equals(query.sortBy()) ? "minutes_consumed" : "created_at";
        String direction = query.page().ascending() ? " asc" : " desc";
        return ROWS.where(reads, where(scope, query).append(" order by " + column + direction + ", id" + direction)
                .append(new Sql(" offset ? limit ?", List.of(query.page().offset(), query.page().perPage()))));
    }

    /**
     * How many sessions the query matches. Without filters that is the app's count kept by migration
     * V9's triggers (no row yet: no session yet); a filter counts the sessions it matches.
     */
    public long total(RealtimeScope scope, SessionQuery query) {
        if (!query.filtered()) {
            return reads.first(new Sql(KEPT_COUNT, List.of(scope.tenant(), scope.appId())), rows -> rows.getLong(1))
                    .orElse(0L);
        }
        return reads.answer(Sql.of("select count(*) from rtk_session where ").append(where(scope, query)), rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /** Plans the current transaction's further statements for their values ({@link QueryPlanning}). */
    public void planForValues() {
        QueryPlanning.customPlans(getEntityManager());
    }

    /** The scope and each filter given, as conditions over {@code rtk_session}'s columns with bound values. */
    private static Sql where(RealtimeScope scope, SessionQuery query) {
        Sql where = new Sql("tenant_id = ? and app_id = ?", List.of(scope.tenant(), scope.appId()));
        if (query.associatedId() != null) {
            where = and(where, "associated_id = ?", query.associatedId());
        }
        if (query.status() != null) {
            where = and(where, "status = ?", query.status());
        }
        if (query.startTime() != null) {
            where = and(where, "started_at >= ?", query.startTime());
        }
        if (query.endTime() != null) {
            where = and(where, "started_at <= ?", query.endTime());
        }
        if (query.minParticipants() != null) {
            where = and(where, "participant_count >= ?", query.minParticipants());
        }
        if (query.maxParticipants() != null) {
            where = and(where, "participant_count <= ?", query.maxParticipants());
        }
        if (query.search() != null) {
            String pattern = Like.containing(query.search());
            String matches = "lower(meeting_display_name) like ? escape '!' or lower(associated_id) like ? escape '!'";
            where = query.searchId() == null ? and(where, "(" + matches + ")", pattern, pattern)
                    : and(where, "(" + matches + " or id = ?)", pattern, pattern, query.searchId());
        }
        return where;
    }

    private static Sql and(Sql where, String condition, Object... values) {
        return where.append(new Sql(" and " + condition, List.of(values)));
    }
}
