package dev.sessionledger.threads.participants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.paging.KeysetScan;
import dev.sessionledger.threads.query.KeysetSql;
import dev.sessionledger.threads.query.SortKey;
import dev.sessionledger.threads.query.Sql;

/**
 * Runs participant list queries built from whitelisted columns and bound values. Which index
 * serves which sort is listed in migration V2.
 */
@ApplicationScoped
public class ParticipantListRepository {

    private static final String COLUMNS = "p.id, p.tenant_id, p.thread_id, p.user_id, p.agent_id, p.swarm_id, "
            + "p.external_identity, p.display_name, p.joined_at, p.last_read_message_id, p.last_read_at";

    @Inject
    DataSource dataSource;

    /** How many participants match {@code where}, whatever page is read. */
    public long count(Sql where) {
        Sql sql = Sql.of("SELECT count(*) FROM thread_participant p WHERE ").append(where);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Counting participants failed", e);
        }
    }

    /** The thread's participant count kept by migration V3's triggers; zero for a thread not in the tenant. */
    public long participantCount(String tenant, UUID threadId) {
        Sql sql = Sql.bound("SELECT participant_count FROM thread WHERE tenant_id = ?", tenant)
                .append(Sql.bound(" AND id = ?", threadId));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a thread's participant count failed", e);
        }
    }

    /**
     * The participants matching {@code where} in the order of {@code keys}, as a scan the pager reads
     * from a cursor's sort values, forwards or (for the page before it) in the exact reverse order.
     *
     * @param lead a column {@code where} holds to one value, named first in the order so that only
     *             an index leading with it gives the order; or null
     */
    public KeysetScan<ThreadParticipant, List<Object>> scan(Sql where, String lead, List<SortKey> keys) {
        List<SortKey> reversed = keys.stream().map(SortKey::reversed).toList();
        return (anchor, direction, inclusive, limit) ->
                read(where, lead, direction == KeysetScan.Direction.FORWARD ? keys : reversed, anchor, inclusive, limit);
    }

    /** Up to {@code limit} participants beyond {@code anchor} (or from the start when it is null), segment by segment. */
    private List<ThreadParticipant> read(Sql where, String lead, List<SortKey> keys, List<Object> anchor,
            boolean inclusive, int limit) {
        List<ThreadParticipant> found = new ArrayList<>();
        Sql order = KeysetSql.orderBy(lead, keys);
        try (Connection connection = dataSource.getConnection()) {
            for (Sql segment : KeysetSql.segments(keys, anchor, inclusive)) {
                if (found.size() >= limit) {
                    break;
                }
                Sql sql = Sql.of("SELECT " + COLUMNS + " FROM thread_participant p WHERE ")
                        .append(Sql.and(where, segment)).append(" ORDER BY ").append(order)
                        .append(Sql.bound(" LIMIT ?", limit - found.size()));
                try (PreparedStatement statement = prepare(connection, sql);
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(participant(rows));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Listing participants failed", e);
        }
        return found;
    }

    private static PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.text());
        try {
            for (int i = 0; i < sql.params().size(); i++) {
                statement.setObject(i + 1, sql.params().get(i));
            }
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    private static ThreadParticipant participant(ResultSet rows) throws SQLException {
        ThreadParticipant p = new ThreadParticipant();
        p.id = rows.getObject("id", UUID.class);
        p.tenantId = rows.getString("tenant_id");
        p.threadId = rows.getObject("thread_id", UUID.class);
        p.userId = rows.getString("user_id");
        p.agentId = rows.getString("agent_id");
        p.swarmId = rows.getString("swarm_id");
        p.externalIdentity = rows.getString("external_identity");
        p.displayName = rows.getString("display_name");
        p.joinedAt = rows.getObject("joined_at", OffsetDateTime.class).toInstant();
        p.lastReadMessageId = rows.getString("last_read_message_id");
        OffsetDateTime lastReadAt = rows.getObject("last_read_at", OffsetDateTime.class);
        p.lastReadAt = lastReadAt == null ? null : lastReadAt.toInstant();
        return p;
    }
}
