package dev.sessionledger.commons.persistence;

import java.sql.SQLException;
import java.util.Optional;

import org.hibernate.JDBCException;

/**
 * Reads what the database said from a failure, however deeply the persistence, transaction and
 * pool layers wrapped it: the SQLSTATE of the first {@link SQLException} in the cause chain.
 */
public final class SqlStates {

    /** {@code unique_violation}: a concurrent or earlier write holds the key. */
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    /**
     * The SQL failure behind {@code failure}, if there is one. Its state may be null: the pool and
     * the driver raise stateless {@link SQLException}s for their own failures (no connection in time).
     */
    public static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCException jdbc && jdbc.getSQLException() != null) {
                return Optional.of(jdbc.getSQLException());
            }
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} comes from a unique index refusing a row. */
    public static boolean isUniqueViolation(Throwable failure) {
        return sqlCause(failure).map(SQLException::getSQLState).filter(UNIQUE_VIOLATION::equals).isPresent();
    }
}
