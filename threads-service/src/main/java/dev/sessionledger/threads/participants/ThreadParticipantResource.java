package dev.sessionledger.threads.participants;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiException;

/** The Thread Participants API. */
@Path("/api/thread-participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Thread participants")
public class ThreadParticipantResource {

    static final int MAX_LIMIT = 100;

    @Inject
    ThreadParticipantService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List thread participants")
    public ParticipantPage list(@QueryParam("limit") @DefaultValue("100") String limit,
            @QueryParam("thread_id") String threadId) {
        return service.list(caller, parseThreadId(threadId), parseLimit(limit));
    }

    private static int parseLimit(String text) {
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static UUID parseThreadId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("thread_id", "must be a UUID");
        }
    }
}
