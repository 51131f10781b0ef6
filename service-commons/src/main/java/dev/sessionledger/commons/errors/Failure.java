package dev.sessionledger.commons.errors;

import java.util.List;

/**
 * A failure the caller should be told about, said in the terms of the domain: what kind of failure
 * it is, the object it is about and the inputs at fault. It carries no HTTP status: each API's
 * {@link ErrorEnvelope} says how its kinds are answered.
 */
public final class Failure extends RuntimeException {

    /** What went wrong, as the caller can act on it. */
    public enum Kind {
        /** The request names inputs that are wrong, each in {@link #errors()}. */
        INVALID_INPUT,
        /** The request as a whole cannot be read (no body, not JSON, nested too deep). */
        MALFORMED,
        /** No valid credentials. */
        UNAUTHENTICATED,
        /** The caller may not do this. */
        FORBIDDEN,
        /** The object does not exist for this caller. */
        NOT_FOUND,
        /** The request conflicts with what is recorded (already ended, already taken). */
        CONFLICT,
        /** The object existed once and is gone for good (an expired link). */
        GONE,
        /** The request is larger than what is read: its body. */
        BODY_TOO_LARGE,
        /** The request is larger than what is read: its request line. */
        LINE_TOO_LONG,
        /** The request is larger than what is read: its headers. */
        HEADERS_TOO_LARGE,
        /** The request's method is not one this path serves. */
        METHOD_NOT_ALLOWED,
        /** No representation the caller accepts. */
        NOT_ACCEPTABLE,
        /** The body's media type is not one this path reads. */
        UNSUPPORTED_MEDIA_TYPE,
        /** Something the request needs (the database, a peer service) cannot answer now; retry later. */
        UNAVAILABLE,
        /** A fault of this service. */
        INTERNAL
    }

    private final Kind kind;
    private final String entity;
    private final String id;
    private final List<FieldError> errors;
    private final Integer retryAfterSeconds;

    private Failure(Kind kind, String message, String entity, String id, List<FieldError> errors,
            Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.entity = entity;
        this.id = id;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A failure of a kind that names no object and no field. */
    public static Failure of(Kind kind, String message) {
        return new Failure(kind, message, null, null, null, null);
    }

    /** The object {@code entity} with {@code id} does not exist for the caller. */
    public static Failure notFound(String entity, String id) {
        return new Failure(Kind.NOT_FOUND, "No " + entity + " with id " + id + " exists", entity, id, null, null);
    }

    /** The one input at fault. */
    public static Failure invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** Every input at fault. */
    public static Failure invalid(List<FieldError> errors) {
        String message = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : "Invalid input: " + errors.size() + " problems";
        return new Failure(Kind.INVALID_INPUT, message, null, null, errors, null);
    }

    /** The request as a whole cannot be read. */
    public static Failure malformed(String message) {
        return of(Kind.MALFORMED, message);
    }

    public static Failure conflict(String message) {
        return of(Kind.CONFLICT, message);
    }

    public static Failure forbidden(String message) {
        return of(Kind.FORBIDDEN, message);
    }

    /** Something the request depends on cannot answer now; a retry after the given time may succeed. */
    public static Failure unavailable(String message, int retryAfterSeconds) {
        return new Failure(Kind.UNAVAILABLE, message, null, null, null, retryAfterSeconds);
    }

    public Kind kind() {
        return kind;
    }

    /** The kind of object the failure is about, when there is one. */
    public String entity() {
        return entity;
    }

    /** The id the failure is about, when there is one. */
    public String id() {
        return id;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** When a retry may succeed, for a {@code Retry-After} header; null when not known. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
