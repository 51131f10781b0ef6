package dev.sessionledger.threads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import dev.sessionledger.commons.ids.PrefixedId;

/** Writes threads and participants straight into the database, for tests that need exact data. */
final class ThreadFixtures {

    private final DataSource dataSource;

    ThreadFixtures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A participant row as inserted; exactly one of the four identities must be set. */
    record Row(UUID id, UUID threadId, String userId, String agentId, String swarmId, String externalIdentity,
            String displayName, Instant joinedAt, String lastReadMessageId, Instant lastReadAt) {

        static Row user(UUID threadId, String userId) {
            return new Row(PrefixedId.newUuid(), threadId, userId, null, null, null, "User " + userId, Instant.now(),
                    null, null);
        }
    }

    UUID thread(String tenant, String title) {
        UUID id = PrefixedId.newUuid();
        update("insert into thread (id, tenant_id, title, created_by, created_at) values (?, ?, ?, 'fixture', now())",
                id, tenant, title);
        return id;
    }

    Row insert(String tenant, Row row) {
        update("""
                insert into thread_participant (id, tenant_id, thread_id, user_id, agent_id, swarm_id, external_identity,
                    display_name, joined_at, last_read_message_id, last_read_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                row.id(), tenant, row.threadId(), row.userId(), row.agentId(), row.swarmId(), row.externalIdentity(),
                row.displayName(), at(row.joinedAt()), row.lastReadMessageId(), at(row.lastReadAt()));
        return row;
    }

    String join(String tenant, UUID threadId, String userId) {
        return insert(tenant, Row.user(threadId, userId)).id().toString();
    }

    long count(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                var rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
