package dev.sessionledger.commons.openapi;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import dev.sessionledger.commons.errors.FieldError;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.peers.PeerFailures;

/**
 * The failures an operation can answer with, read from its shape: every operation can be refused
 * for its credentials and can meet an unavailable database; one with a query or a body can be given
 * bad inputs; one on an id can miss it (a malformed id names nothing); one that writes can conflict
 * with what is recorded; one with a body can be sent too large or in another media type.
 */
record OperationErrors(List<Case> cases) {

    /** One failure, as the sample its envelope renders, and what it means for the operation. */
    record Case(Failure failure, String description) {
    }

    static OperationErrors of(PathItem.HttpMethod method, String path, Operation operation) {
        List<Case> cases = new ArrayList<>();
        boolean inputs = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY));
        if (inputs) {
            cases.add(new Case(Failure.invalid(List.of(new FieldError("limit", "must be at most 100"))),
                    "The request names inputs that are not valid, each with its field"));
        }
        cases.add(new Case(Failure.of(Failure.Kind.UNAUTHENTICATED, "A valid bearer token is required"),
                "No valid credentials"));
        if (path.contains("{")) {
            cases.add(new Case(Failure.notFound("session", "ses_0Aq1xLAkxVbwKdkbUmQ5ZC"),
                    "Nothing with this id exists for the caller"));
        }
        boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        if (writes) {
            cases.add(new Case(Failure.conflict("The request conflicts with what is recorded"),
                    "The request conflicts with what is recorded (already ended, already taken)"));
        }
        if (operation.getRequestBody() != null) {
            cases.add(new Case(Failure.of(Failure.Kind.BODY_TOO_LARGE, "The body is larger than allowed"),
                    "The body is larger than allowed"));
            cases.add(new Case(Failure.of(Failure.Kind.UNSUPPORTED_MEDIA_TYPE, "The body must be JSON"),
                    "The body is not in a media type this operation reads"));
        }
        cases.add(new Case(Failure.unavailable("The database is not answering; retry later",
                PeerFailures.RETRY_AFTER_SECONDS), "A store or service the request needs is not answering; "
                        + "retry after the seconds Retry-After gives"));
        return new OperationErrors(List.copyOf(cases));
    }
}
