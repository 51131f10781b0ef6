package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
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
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.sessionledger.commons.persistence.RowSelect;
import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.sessions.realtime.Like;
import dev.sessionledger.sessions.realtime.PageRequest;
import dev.sessionledger.sessions.realtime.RealtimeKey;
import dev.sessionledger.sessions.realtime.RealtimeScope;

/**
 * Reads and writes peers, always within one tenant and one session: reads as plain statements into
 * records ({@link SqlReads}), writes through the entity.
 */
@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<RealtimeParticipant, RealtimeKey> {

    private static final RowSelect<PeerRow> ROWS = RowSelect.of(PeerRow.class, RealtimeParticipant.class);

    private static final String SEARCH = " and (lower(display_name) like ? escape '!'"
            + " or lower(user_id) like ? escape '!' or lower(custom_participant_id) like ? escape '!')";

    /**
     * A peer's minutes as the API shows them ({@link Durations#of}): stored once it left; until then
     * from joining to now (its one bound value), rounded to two decimals half up as
     * {@link Durations#minutes} is.
     */
    private static final String DURATION = "coalesce(duration_minutes, round(extract(epoch from"
            + " (greatest(cast(? as timestamptz), joined_at) - joined_at)) / 60, 2))";

    /**
     * The consolidated view: one row per person (custom participant id, else user id, else the
     * peer alone) over all their stays, with the ids and user ids of its peers in the order of the
     * stays (their events show the user id). Scans one session through {@code rtk_participant_session_joined_idx}.
     */
    private static final String CONSOLIDATED = """
            select (array_agg(id order by joined_at, id))[1] as id,
                   min(created_at) as created_at,
                   max(custom_participant_id) as custom_participant_id,
                   (array_agg(display_name order by joined_at desc, id desc))[1] as display_name,
                   sum(%s) as duration,
                   min(joined_at) as joined_at,
                   case when bool_or(left_at is null) then null else max(left_at) end as left_at,
                   (array_agg(preset_name order by joined_at desc, id desc))[1] as preset_name,
                   max(updated_at) as updated_at,
                   max(user_id) as user_id,
                   array_agg(id order by joined_at, id) as peers,
                   array_agg(user_id order by joined_at, id) as peer_user_ids
              from rtk_participant
             where\s""".formatted(DURATION);

    private static final String PERSON = " group by coalesce(custom_participant_id, user_id, id::text)";

    @Inject
    SqlReads reads;

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
        return ROWS.one(reads, "tenant_id = ? and session_id = ? and id = ?", tenant, sessionId, peerId);
    }

    /** The peer of any session of the app, read into a record; the app is checked in the same statement. */
    public Optional<PeerRow> rowInApp(RealtimeScope scope, UUID peerId) {
        return ROWS.one(reads, "tenant_id = ? and id = ? and exists (select 1 from rtk_session s"
                + " where s.tenant_id = rtk_participant.tenant_id and s.id = rtk_participant.session_id"
                + " and s.app_id = ?)", scope.tenant(), peerId, scope.appId());
    }

    /**
     * One page of a session's peers, read into records: by join time straight from
     * {@code rtk_participant_session_joined_idx}, or by duration as of {@code now}. A peer still
     * inside has no stored duration and its own grows with the clock, so no index can give that
     * order: the index serves the session filter and the sort is of that one session's peers.
     */
    public List<PeerRow> page(String tenant, UUID sessionId, String search, boolean byDuration, PageRequest page,
            Instant now) {
        Sql order = byDuration ? Sql.bound(" order by " + DURATION, now) : Sql.of(" order by joined_at");
        return ROWS.where(reads, inSession(tenant, sessionId, search).append(order).append(paged(page)));
    }

    /** One page of the consolidated view; {@code now} prices the stays still open. */
    public List<ConsolidatedRow> consolidatedPage(String tenant, UUID sessionId, String search, boolean byDuration,
            PageRequest page, Instant now) {
        Sql sql = Sql.bound(CONSOLIDATED, now).append(inSession(tenant, sessionId, search)).append(PERSON)
                .append(" order by " + (byDuration ? "duration" : "joined_at")).append(paged(page));
        return reads.list(sql, rows -> new ConsolidatedRow(rows.getObject(1, UUID.class), SqlReads.instant(rows, 2),
                rows.getString(3), rows.getString(4), rows.getBigDecimal(5), SqlReads.instant(rows, 6),
                SqlReads.instant(rows, 7), rows.getString(8), SqlReads.instant(rows, 9), rows.getString(10),
                uuids(rows.getArray(11)), texts(rows.getArray(12))));
    }

    /** The join times of the peers still inside each of the given sessions, in one query. */
    public Map<UUID, List<Instant>> openStays(String tenant, Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return new HashMap<>();
        }
        return reads.answer(new Sql("select session_id, joined_at from rtk_participant"
                + " where tenant_id = ? and session_id = any(?) and left_at is null", List.of(tenant, sessionIds)),
                rows -> {
                    Map<UUID, List<Instant>> stays = new HashMap<>();
                    while (rows.next()) {
                        stays.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(SqlReads.instant(rows, 2));
                    }
                    return stays;
                });
    }

    /** Which of the given peer ids belong to the session. */
    public Set<UUID> existing(String tenant, UUID sessionId, Collection<UUID> peerIds) {
        if (peerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(reads.list(new Sql("select id from rtk_participant"
                + " where tenant_id = ? and session_id = ? and id = any(?)", List.of(tenant, sessionId, peerIds)),
                rows -> rows.getObject(1, UUID.class)));
    }

    /** One session's peers, narrowed by {@code search} unless it is null. */
    private static Sql inSession(String tenant, UUID sessionId, String search) {
        Sql session = new Sql("tenant_id = ? and session_id = ?", List.of(tenant, sessionId));
        if (search == null) {
            return session;
        }
        String pattern = Like.containing(search);
        return session.append(new Sql(SEARCH, List.of(pattern, pattern, pattern)));
    }

    /** The direction of the first sort key, the {@code id} tiebreaker in the same direction, and the page. */
    private static Sql paged(PageRequest page) {
        String direction = page.ascending() ? " asc" : " desc";
        return new Sql(direction + ", id" + direction + " offset ? limit ?", List.of(page.offset(), page.perPage()));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(v -> v instanceof UUID u ? u : UUID.fromString(v.toString())).toList();
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(v -> v == null ? null : v.toString()).toList();
    }

    /** A person's stays in a session, added together; {@code peerUserIds} is the user id of each of {@code peers}. */
    public record ConsolidatedRow(UUID id, Instant createdAt, String customParticipantId, String displayName,
            BigDecimal duration, Instant joinedAt, Instant leftAt, String presetName, Instant updatedAt,
            String userId, List<UUID> peers, List<String> peerUserIds) {
    }
}
