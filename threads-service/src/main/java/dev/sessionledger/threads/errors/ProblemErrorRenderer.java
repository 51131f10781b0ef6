package dev.sessionledger.threads.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import dev.sessionledger.commons.errors.ApiException;
import dev.sessionledger.commons.errors.ErrorRenderer;

/** threads-service answers every failure as RFC 9457 problem details, with the inputs at fault in {@code errors}. */
@ApplicationScoped
public class ProblemErrorRenderer implements ErrorRenderer {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public String mediaType(String path) {
        return PROBLEM_JSON;
    }

    @Override
    public Object body(ApiException error, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        Response.Status status = Response.Status.fromStatusCode(error.status());
        body.put("title", status == null ? "Error" : status.getReasonPhrase());
        body.put("status", error.status());
        body.put("detail", error.getMessage());
        body.put("instance", path);
        if (!error.errors().isEmpty()) {
            body.put("errors", error.errors());
        }
        return body;
    }
}
