package dev.sessionledger.commons.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The error answers of one API: the table from each kind of {@link Failure} to its HTTP status,
 * and the body of its error envelope. A resource names the API it implements with
 * {@link ApiErrors}; {@code Retry-After} is set here, the same for every API.
 */
public interface ErrorEnvelope {

    /** The status each kind is answered with. HTTP gives most kinds their status; an API may differ. */
    default int status(Failure.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT, MALFORMED -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case CONFLICT -> 409;
            case GONE -> 410;
            case BODY_TOO_LARGE -> 413;
            case LINE_TOO_LONG -> 414;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case HEADERS_TOO_LARGE -> 431;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    /**
     * @param failure the failure
     * @param status  its status in this API
     * @param path    the request path
     * @return the envelope, serialized as JSON
     */
    Object body(Failure failure, int status, String path);

    /** The media type of the envelope. */
    default String mediaType() {
        return MediaType.APPLICATION_JSON;
    }

    /** The whole answer: status, envelope and, when a retry may succeed, {@code Retry-After}. */
    default Response render(Failure failure, String path) {
        int status = status(failure.kind());
        Response.ResponseBuilder response = Response.status(status).type(mediaType()).entity(body(failure, status, path));
        if (failure.retryAfterSeconds() != null) {
            response.header("Retry-After", failure.retryAfterSeconds());
        }
        return response.build();
    }
}
