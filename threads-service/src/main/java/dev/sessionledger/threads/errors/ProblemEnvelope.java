package dev.sessionledger.threads.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import dev.sessionledger.commons.errors.ErrorEnvelope;
import dev.sessionledger.commons.errors.Failure;

/** The thread APIs answer every failure as RFC 9457 problem details, with the inputs at fault in {@code errors}. */
@ApplicationScoped
public class ProblemEnvelope implements ErrorEnvelope {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public String mediaType() {
        return PROBLEM_JSON;
    }

    @Override
    public Object body(Failure failure, int status, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        Response.Status known = Response.Status.fromStatusCode(status);
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", failure.getMessage());
        body.put("instance", path);
        if (!failure.errors().isEmpty()) {
            body.put("errors", failure.errors());
        }
        return body;
    }
}
