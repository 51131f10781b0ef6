package dev.sessionledger.commons.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Runs read statements as plain JDBC on the pool's connections: no session, no entity, no query
 * translation per request, and inside a transaction on the transaction's connection. Values are
 * always bound, never written into the text: an {@link Instant} as a {@code timestamptz}, a
 * collection as one array (so {@code column = any(?)} keeps one statement, and one plan, for any
 * number of values). Each statement's text is logged at DEBUG under this class's name, as
 * Hibernate logs its own under {@code org.hibernate.SQL}.
 */
@ApplicationScoped
public class SqlReads {

    private static final Logger LOG = Logger.getLogger(SqlReads.class);

    /** The SQL array type of each kind of value a collection may bind. */
    private static final Map<Class<?>, String> ARRAY_TYPES = Map.of(UUID.class, "uuid", String.class, "text",
            Long.class, "bigint", Integer.class, "integer");

    @Inject
    DataSource dataSource;

    /** For CDI. */
    public SqlReads() {
    }

    /** Reads through {@code dataSource}, as a test that records what is sent does. */
    public SqlReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads one column of a result set's current row, or builds a row from it. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** What a whole result set answers. */
    @FunctionalInterface
    public interface Answer<T> {
        T of(ResultSet rows) throws SQLException;
    }

    /** Work on one connection, for several statements that belong together. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Every row of the statement's result. */
    public <T> List<T> list(Sql sql, RowReader<T> row) {
        return answer(sql, rows -> {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(row.read(rows));
            }
            return found;
        });
    }

    /** The first row of the statement's result, if any. */
    public <T> Optional<T> first(Sql sql, RowReader<T> row) {
        return answer(sql, rows -> rows.next() ? Optional.of(row.read(rows)) : Optional.empty());
    }

    /** Whether the statement finds any row. */
    public boolean exists(Sql sql) {
        return answer(sql, ResultSet::next);
    }

    /** What the result of one statement answers. */
    public <T> T answer(Sql sql, Answer<T> answer) {
        return connected(connection -> query(connection, sql, answer));
    }

    /** Runs {@code work} on one connection of the pool (the transaction's, within one). */
    public <T> T connected(ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("A read of the database failed", e);
        }
    }

    /** Runs one statement on {@code connection} and reads its result. */
    public static <T> T query(Connection connection, Sql sql, Answer<T> answer) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
            return answer.of(rows);
        }
    }

    /** A {@code timestamptz} column of the current row as an instant, or null. */
    public static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
        if (LOG.isDebugEnabled()) {
            LOG.debug(sql.text());
        }
        PreparedStatement statement = connection.prepareStatement(sql.text());
        try {
            List<Object> params = sql.params();
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, bindable(connection, params.get(i)));
            }
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    private static Object bindable(Connection connection, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Collection<?> values) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("An empty collection has no array type; leave its condition out");
            }
            String type = ARRAY_TYPES.get(values.iterator().next().getClass());
            if (type == null) {
                throw new IllegalArgumentException("No array type for " + values.iterator().next().getClass());
            }
            return connection.createArrayOf(type, values.toArray());
        }
        return value;
    }
}
