package dev.sessionledger.commons.errors;

import java.util.List;

/**
 * A failure the caller should see, with its HTTP status. Each service renders it in its API's own
 * error envelope ({@link ErrorRenderer}); nothing else about the server leaks into the body.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String entity;
    private final String id;
    private final List<FieldError> errors;
    private final Integer retryAfterSeconds;

    public ApiException(int status, String message, String entity, String id, List<FieldError> errors) {
        this(status, message, entity, id, errors, null);
    }

    private ApiException(int status, String message, String entity, String id, List<FieldError> errors,
            Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.entity = entity;
        this.id = id;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 503: something this request depends on cannot answer now; the caller may retry after the given time. */
    public static ApiException unavailable(String message, int retryAfterSeconds) {
        return new ApiException(503, message, null, null, null, retryAfterSeconds);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message, null, null, null);
    }

    /** A 400 naming the one input at fault. */
    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** A 400 naming every input at fault. */
    public static ApiException invalid(List<FieldError> errors) {
        String message = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : "Invalid input: " + errors.size() + " problems";
        return new ApiException(400, message, null, null, errors);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message, null, null, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message, null, null, null);
    }

    public static ApiException notFound(String entity, String id) {
        return new ApiException(404, "No " + entity + " with id " + id + " exists", entity, id, null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message, null, null, null);
    }

    public int status() {
        return status;
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
