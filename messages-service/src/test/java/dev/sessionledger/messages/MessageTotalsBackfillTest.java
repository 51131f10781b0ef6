package dev.sessionledger.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.ServiceTest;

/**
 * V3 on a database that already holds messages, as an upgrade meets it: the service's migrations
 * run up to V2 in a schema of the test's own, messages are stored, and V3 counts them; the trigger
 * then adds to what it counted.
 */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class MessageTotalsBackfillTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private Flyway upTo(String schema, String version) {
        return Flyway.configure().dataSource(url, user, password).schemas(schema).locations("classpath:db/migration")
                .target(version).load();
    }

    private static void insert(Connection c, UUID session, String senderType, String type, String createdAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into session_message (id, tenant_id, session_id, type, sender_type, sender_id, payload, created_at)
                values (?, 'upgraded', ?, ?, ?, 'someone', '{}'::jsonb, ?::timestamptz)""")) {
            s.setObject(1, PrefixedId.newUuid());
            s.setObject(2, session);
            s.setString(3, type);
            s.setString(4, senderType);
            s.setString(5, createdAt);
            s.executeUpdate();
        }
    }

    private static List<String> totals(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select session_id, message_count, client_message_count, server_message_count, error_count,
                    first_message_at, last_message_at
                from session_message_total order by message_count, session_id""")) {
            while (r.next()) {
                rows.add(r.getObject(1) + " " + r.getLong(2) + " " + r.getLong(3) + " " + r.getLong(4) + " "
                        + r.getLong(5) + " " + r.getObject(6, OffsetDateTime.class).toInstant() + " "
                        + r.getObject(7, OffsetDateTime.class).toInstant());
            }
        }
        return rows;
    }

    @Test
    void the_migration_counts_the_messages_stored_before_it_and_the_trigger_goes_on_from_there() throws SQLException {
        String schema = "backfill_" + UUID.randomUUID().toString().replace("-", "");
        UUID one = PrefixedId.newUuid();
        UUID two = PrefixedId.newUuid();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            upTo(schema, "2").migrate();
            try (Statement s = c.createStatement()) {
                s.execute("set search_path to " + schema);
            }
            insert(c, one, "client", "request", "2025-03-01T10:00:01Z");
            insert(c, one, "server", "error", "2025-03-01T10:00:03Z");
            insert(c, one, "client", "notification", "2025-03-01T10:00:02Z");
            insert(c, two, "server", "notification", "2025-03-01T11:00:00Z");

            upTo(schema, "3").migrate();
            assertEquals(List.of(two + " 1 0 1 0 2025-03-01T11:00:00Z 2025-03-01T11:00:00Z",
                    one + " 3 2 1 1 2025-03-01T10:00:01Z 2025-03-01T10:00:03Z"), totals(c));

            insert(c, two, "client", "request", "2025-03-01T11:00:05Z");
            insert(c, two, "server", "response", "2025-03-01T10:59:00Z");
            assertEquals(List.of(one + " 3 2 1 1 2025-03-01T10:00:01Z 2025-03-01T10:00:03Z",
                    two + " 3 1 2 0 2025-03-01T10:59:00Z 2025-03-01T11:00:05Z"), totals(c));
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
