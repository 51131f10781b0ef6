package dev.sessionledger.commons.errors;

import java.sql.SQLException;
import java.util.Optional;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

import dev.sessionledger.commons.persistence.SqlStates;

/**
 * What a failure of the database means for the caller. A database that cannot answer now (down,
 * restarting, out of connections, a statement or lock that ran out of time) is a 503 the caller
 * may retry; a row that the database refuses because of what is already stored is a 409; a value
 * it cannot store is a 400. Anything else is a fault of this service and stays a 500.
 */
final class DatabaseFailures {

    /** About how long PostgreSQL takes to restart or fail over. */
    static final int RETRY_AFTER_SECONDS = 2;

    private DatabaseFailures() {
    }

    static Optional<Failure> classify(Throwable failure) {
        if (causedBy(failure, StaleStateException.class) || causedBy(failure, jakarta.persistence.OptimisticLockException.class)) {
            return Optional.of(Failure.conflict("The record was changed by another request at the same time; retry"));
        }
        if (causedBy(failure, JDBCConnectionException.class)) {
            return Optional.of(unavailable());
        }
        Optional<SQLException> sql = SqlStates.sqlCause(failure);
        if (sql.isEmpty()) {
            return Optional.empty();
        }
        String state = sql.get().getSQLState();
        if (state == null || isTransient(state)) {
            return Optional.of(unavailable());
        }
        if (state.startsWith("23")) {
            return Optional.of(Failure.conflict(SqlStates.UNIQUE_VIOLATION.equals(state)
                    ? "A record with the same key already exists"
                    : "The request conflicts with what is recorded"));
        }
        if (state.startsWith("22")) {
            return Optional.of(Failure.malformed("A value of the request cannot be stored"));
        }
        return Optional.empty();
    }

    /**
     * Connection failures (08), too many connections (53), shutdown and start-up (57P01 to 57P03),
     * a statement cancelled by its timeout (57014), a lock not obtained in time (55P03),
     * serialization failures and deadlocks (40001, 40P01), a read-only replica after a fail-over (25006).
     */
    private static boolean isTransient(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("57014")
                || state.equals("55P03") || state.equals("40001") || state.equals("40P01") || state.equals("25006");
    }

    private static Failure unavailable() {
        return Failure.unavailable("The database cannot be reached right now; retry in " + RETRY_AFTER_SECONDS
                + " seconds", RETRY_AFTER_SECONDS);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
