package dev.sessionledger.commons.errors;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one table from exception to status for every service. Bodies come from the service's
 * {@link ErrorRenderer}; stack traces, class names and SQL never reach a response.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @Inject
    ErrorRenderer renderer;

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return renderer.render(e, uri.getPath());
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return renderer.render(ApiException.unauthorized("A valid bearer token is required"), uri.getPath());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return renderer.render(ApiException.forbidden("The caller may not do this"), uri.getPath());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(JsonFieldPaths.of(v, json), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return renderer.render(ApiException.invalid(errors), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return renderer.render(JsonFailures.describe(e), uri.getPath());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The platform's JSON reader wraps a body it cannot read in a 400 of its own.
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String message = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Request failed";
        return renderer.render(new ApiException(status, message, null, null, null), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        ApiException database = DatabaseFailures.classify(e).orElse(null);
        if (database != null) {
            LOG.warnf("Database failure answered %d: %s", database.status(), rootMessage(e));
            return renderer.render(database, uri.getPath());
        }
        LOG.error("Unexpected failure", e);
        return renderer.render(new ApiException(500, "Internal server error", null, null, null), uri.getPath());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
