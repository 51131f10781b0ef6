package dev.sessionledger.threads.participants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.paging.KeysetScan;
import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.threads.query.KeysetSql;
import dev.sessionledger.threads.query.SortKey;

/**
 * Reads participants as plain statements into {@link ParticipantRow}s: lists built from
 * whitelisted columns and bound values, a participant by id, and whether a user takes part in a
 * thread. Nothing is managed or checked for changes. Which index serves which sort is listed in
 * migration V2. Inside a transaction every statement runs on the transaction's connection.
 */
@ApplicationScoped
public class ParticipantReads {

    private static final String COLUMNS = "p.id, p.thread_id, p.user_id, p.agent_id, p.swarm_id, "
            + "p.external_identity, p.display_name, p.joined_at, p.last_read_message_id, p.last_read_at";

    @Inject
    SqlReads sql;

    /** Whether {@code userId} takes part in the thread; served by {@code thread_participant_thread_user_idx}. */
    public boolean isMember(String tenant, UUID threadId, String userId) {
        Sql sql = new Sql("SELECT 1 FROM thread_participant p WHERE p.tenant_id = ? AND p.thread_id = ?"
                + " AND p.user_id = ? LIMIT 1", List.of(tenant, threadId, userId));
        return this.sql.exists(sql);
    }

    /** Served by the primary key. */
    public Optional<ParticipantRow> findInTenant(String tenant, UUID id) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM thread_participant p WHERE p.id = ? AND p.tenant_id = ?",
                List.of(id, tenant));
        return this.sql.first(sql, ParticipantReads::participant);
    }

    /** How many participants match {@code where}, whatever page is read. */
    public long count(Sql where) {
        Sql sql = Sql.of("SELECT count(*) FROM thread_participant p WHERE ").append(where);
        return this.sql.answer(sql, rows -> rows.next() ? rows.getLong(1) : 0);
    }

    /** The thread's participant count kept by migration V3's triggers; zero for a thread not in the tenant. */
    public long participantCount(String tenant, UUID threadId) {
        Sql sql = Sql.bound("SELECT participant_count FROM thread WHERE tenant_id = ?", tenant)
                .append(Sql.bound(" AND id = ?", threadId));
        return this.sql.answer(sql, rows -> rows.next() ? rows.getLong(1) : 0);
    }

    /**
     * The participants matching {@code where} in the order of {@code keys}, as a scan the pager reads
     * from a cursor's sort values, forwards or (for the page before it) in the exact reverse order.
     *
     * @param lead a column {@code where} holds to one value, named first in the order so that only
     *             an index leading with it gives the order; or null
     */
    public KeysetScan<ParticipantRow, List<Object>> scan(Sql where, String lead, List<SortKey> keys) {
        List<SortKey> reversed = keys.stream().map(SortKey::reversed).toList();
        return (anchor, direction, inclusive, limit) -> read(where, lead,
                direction == KeysetScan.Direction.FORWARD ? keys : reversed, anchor, inclusive, limit);
    }

    /** Up to {@code limit} participants beyond {@code anchor} (from the start when it is null), segment by segment. */
    private List<ParticipantRow> read(Sql where, String lead, List<SortKey> keys, List<Object> anchor,
            boolean inclusive, int limit) {
        List<ParticipantRow> found = new ArrayList<>();
        Sql order = KeysetSql.orderBy(lead, keys);
        return sql.connected(connection -> {
            for (Sql segment : KeysetSql.segments(keys, anchor, inclusive)) {
                if (found.size() >= limit) {
                    break;
                }
                Sql statement = Sql.of("SELECT " + COLUMNS + " FROM thread_participant p WHERE ")
                        .append(Sql.and(where, segment)).append(" ORDER BY ").append(order)
                        .append(Sql.bound(" LIMIT ?", limit - found.size()));
                SqlReads.query(connection, statement, rows -> {
                    while (rows.next()) {
                        found.add(participant(rows));
                    }
                    return found;
                });
            }
            return found;
        });
    }

    /** The row the cursor of a result set stands on, read by column position in {@link #COLUMNS}' order. */
    private static ParticipantRow participant(ResultSet rows) throws SQLException {
        return new ParticipantRow(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), SqlReads.instant(rows, 8),
                rows.getString(9), SqlReads.instant(rows, 10));
    }
}
