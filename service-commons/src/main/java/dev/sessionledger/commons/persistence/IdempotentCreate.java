package dev.sessionledger.commons.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a transactional create that first looks for the record an earlier request made (same
 * idempotency key or client-chosen id) and otherwise inserts it. Two such requests at once both
 * miss, and the unique index refuses the second insert; the method then runs again in a new
 * transaction, where its look-up finds the first request's record and answers with it. A unique
 * violation that persists (a record that truly conflicts) reaches the caller as a 409.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface IdempotentCreate {

    /** The request header a client names a create's idempotency key in, the same on every API. */
    String HEADER = "Idempotency-Key";
}
