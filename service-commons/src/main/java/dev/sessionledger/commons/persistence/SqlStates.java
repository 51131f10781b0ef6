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
    /** Failures nest a few levels deep; a cycle or a pathological chain stops here. */
    private static final int MAX_DEPTH = 32;

    private SqlStates() {
    }

    /**
     * The SQL failure behind {@code failure}, if there is one. Its state may be null: the pool and
     * the driver raise stateless {@link SQLException}s for their own failures (no connection in time).
     */
    public static Optional<SQLException> sqlCause(Throwable failure) {
        return sqlCause(failure, 0);
    }

    /**
     * Walks causes and suppressed failures: a commit that failed on the database reaches the caller
     * as the transaction manager's RollbackException, the driver's failure suppressed inside it.
     */
    private static Optional<SQLException> sqlCause(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof JDBCException jdbc && jdbc.getSQLException() != null) {
                return Optional.of(jdbc.getSQLException());
            }
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                Optional<SQLException> found = sqlCause(suppressed, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} comes from a unique index refusing a row. */
    public static boolean isUniqueViolation(Throwable failure) {
        return sqlCause(failure).map(SQLException::getSQLState).filter(UNIQUE_VIOLATION::equals).isPresent();
    }
}
