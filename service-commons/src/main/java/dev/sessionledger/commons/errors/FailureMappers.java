package dev.sessionledger.commons.errors;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns whatever a request ended in into a {@link Failure} and answers it in the envelope of the
 * API the resource implements ({@link ErrorEnvelopes}). Stack traces, class names and SQL never
 * reach a response.
 */
public class FailureMappers {

    private static final Logger LOG = Logger.getLogger(FailureMappers.class);

    @Inject
    ErrorEnvelopes envelopes;

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response failure(Failure e, UriInfo uri, SimpleResourceInfo resource) {
        return answer(e, uri, resource);
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri, SimpleResourceInfo resource) {
        return answer(Failure.of(Failure.Kind.UNAUTHENTICATED, "A valid bearer token is required"), uri, resource);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, SimpleResourceInfo resource) {
        return answer(Failure.forbidden("The caller may not do this"), uri, resource);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, SimpleResourceInfo resource) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(JsonFieldPaths.of(v, json), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return answer(Failure.invalid(errors), uri, resource);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, SimpleResourceInfo resource) {
        return answer(JsonFailures.describe(e), uri, resource);
    }

    /** Ahead of the platform's own mapper of this type, whose body is in no API's envelope. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, SimpleResourceInfo resource) {
        return unreadableJson(e, uri, resource);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, SimpleResourceInfo resource) {
        // The platform's JSON reader wraps a body it cannot read in a 400 of its own.
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri, resource);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return answer(Failure.of(PlatformStatuses.kindOf(status), known != null ? known.getReasonPhrase() : "Request failed"),
                uri, resource);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, SimpleResourceInfo resource) {
        Failure database = DatabaseFailures.classify(e).orElse(null);
        if (database != null) {
            LOG.warnf("Database failure answered as %s: %s", database.kind(), rootMessage(e));
            return answer(database, uri, resource);
        }
        LOG.error("Unexpected failure", e);
        return answer(Failure.of(Failure.Kind.INTERNAL, "Internal server error"), uri, resource);
    }

    private Response answer(Failure failure, UriInfo uri, SimpleResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        ErrorEnvelope envelope = type != null ? envelopes.forResource(type) : envelopes.forPath(uri.getPath());
        return envelope.render(failure, uri.getPath());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
