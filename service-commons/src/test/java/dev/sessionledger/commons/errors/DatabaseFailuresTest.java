package dev.sessionledger.commons.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;

/**
 * What a database failure means for the caller, read from failures shaped as the transaction
 * manager and the pool deliver them (the shapes seen in the fault suite's logs).
 */
class DatabaseFailuresTest {

    /** A commit whose connection died: the driver's failure is suppressed inside the RollbackException. */
    private static Throwable commitFailedWith(SQLException driver) {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(driver);
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        return new ArcUndeclaredThrowableException("Error invoking subclass method", rollback);
    }

    @Test
    void a_connection_that_dies_during_commit_is_unavailable_with_a_retry_after() {
        Failure answer = DatabaseFailures.classify(commitFailedWith(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))).orElseThrow();
        assertEquals(Failure.Kind.UNAVAILABLE, answer.kind());
        assertTrue(answer.retryAfterSeconds() > 0);
    }

    @Test
    void a_unique_violation_found_at_commit_is_a_conflict() {
        assertEquals(Failure.Kind.CONFLICT, DatabaseFailures.classify(commitFailedWith(
                new SQLException("duplicate key value violates unique constraint", "23505"))).orElseThrow().kind());
    }

    @Test
    void a_pool_that_gives_no_connection_in_time_is_unavailable() {
        assertEquals(Failure.Kind.UNAVAILABLE, DatabaseFailures.classify(new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection"))).orElseThrow().kind());
    }

    @Test
    void a_statement_or_lock_out_of_time_is_unavailable_and_a_value_the_database_refuses_is_malformed() {
        assertEquals(Failure.Kind.UNAVAILABLE, DatabaseFailures.classify(new SQLException("canceling statement due to statement timeout",
                "57014")).orElseThrow().kind());
        assertEquals(Failure.Kind.UNAVAILABLE, DatabaseFailures.classify(new SQLException("lock timeout", "55P03")).orElseThrow().kind());
        assertEquals(Failure.Kind.MALFORMED, DatabaseFailures.classify(new SQLException("invalid byte sequence", "22021")).orElseThrow().kind());
    }

    @Test
    void a_fault_of_the_service_itself_stays_unclassified() {
        assertTrue(DatabaseFailures.classify(new SQLException("syntax error", "42601")).isEmpty());
        assertTrue(DatabaseFailures.classify(new IllegalStateException("a bug")).isEmpty());
    }
}
