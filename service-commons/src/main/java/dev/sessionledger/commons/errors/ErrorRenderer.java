package dev.sessionledger.commons.errors;

import jakarta.ws.rs.core.Response;

/** Turns a failure into the error envelope of the API that was called; each service provides one bean. */
public interface ErrorRenderer {

    /**
     * @param error the failure
     * @param path  the request path, for services that serve more than one API
     */
    Response render(ApiException error, String path);
}
