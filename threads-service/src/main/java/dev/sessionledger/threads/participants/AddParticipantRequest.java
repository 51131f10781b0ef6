package dev.sessionledger.threads.participants;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.errors.FieldError;
import dev.sessionledger.threads.query.ValueType;

/** Body of {@code POST /api/thread-participants}: who joins which thread. */
public record AddParticipantRequest(
        @NotNull(message = "is required") String threadId,
        @Size(min = 1, max = ThreadParticipant.MAX_REF, message = "must be 1 to {max} characters") String userId,
        @Size(min = 1, max = ThreadParticipant.MAX_REF, message = "must be 1 to {max} characters") String agentId,
        @Size(min = 1, max = ThreadParticipant.MAX_REF, message = "must be 1 to {max} characters") String swarmId,
        @Size(min = 1, max = ThreadParticipant.MAX_REF, message = "must be 1 to {max} characters") String externalIdentity,
        @Size(max = ThreadParticipant.MAX_NAME, message = "must be at most {max} characters") String displayName) {

    /** The thread's id; a 400 naming {@code threadId} when it is not a UUID. */
    public UUID thread() {
        return (UUID) ValueType.UUID_TEXT.parse(threadId, "threadId");
    }

    /** Refuses a body that does not name exactly one of a user, an agent, a swarm or an external identity. */
    public void requireExactlyOneIdentity() {
        long given = Stream.of(userId, agentId, swarmId, externalIdentity).filter(v -> v != null).count();
        if (given != 1) {
            List<FieldError> errors = new ArrayList<>();
            for (String field : List.of("userId", "agentId", "swarmId", "externalIdentity")) {
                errors.add(new FieldError(field,
                        "exactly one of userId, agentId, swarmId or externalIdentity must be given, not " + given));
            }
            throw Failure.invalid(errors);
        }
    }
}
