package dev.sessionledger.commons.persistence;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/**
 * Runs an {@link IdempotentCreate} method again when a concurrent create won the race for its
 * unique key. It sits outside the method's own transaction (a lower priority than the
 * transaction interceptor's {@code PLATFORM_BEFORE + 200}), so each attempt is a transaction of
 * its own; inside a caller's transaction it cannot retry and lets the failure through.
 */
@IdempotentCreate
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotentCreateInterceptor {

    /** One retry settles a race between two requests; a third covers a burst of identical retries. */
    static final int ATTEMPTS = 3;

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object retryOnUniqueViolation(InvocationContext invocation) throws Exception {
        if (inTransaction()) {
            return invocation.proceed();
        }
        for (int attempt = 1;; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                // A violation found while flushing at commit arrives as the transaction's checked RollbackException.
                if (attempt == ATTEMPTS || !SqlStates.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private boolean inTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
