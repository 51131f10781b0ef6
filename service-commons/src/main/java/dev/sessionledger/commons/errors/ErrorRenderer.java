package dev.sessionledger.commons.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The error envelope of the API that was called; each service provides one bean. It writes the
 * body only: status and {@code Retry-After} are set here, the same for every API.
 */
public interface ErrorRenderer {

    /**
     * @param error the failure
     * @param path  the request path, for services that serve more than one API
     * @return the envelope, serialized as JSON
     */
    Object body(ApiException error, String path);

    /** The media type of the envelope. */
    default String mediaType(String path) {
        return MediaType.APPLICATION_JSON;
    }

    /** The whole answer: the failure's status, the envelope and, when a retry may succeed, {@code Retry-After}. */
    default Response render(ApiException error, String path) {
        Response.ResponseBuilder response = Response.status(error.status()).type(mediaType(path))
                .entity(body(error, path));
        if (error.retryAfterSeconds() != null) {
            response.header("Retry-After", error.retryAfterSeconds());
        }
        return response.build();
    }
}
