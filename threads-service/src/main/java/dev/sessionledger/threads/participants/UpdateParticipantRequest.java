package dev.sessionledger.threads.participants;

import java.time.Instant;

import jakarta.validation.constraints.Size;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.params.Timestamps;

/** Body of {@code PATCH /api/thread-participants/{id}}: move the read marker and/or rename. */
public record UpdateParticipantRequest(
        @Size(min = 1, max = ThreadParticipant.MAX_REF, message = "must be 1 to {max} characters") String lastReadMessageId,
        String lastReadAt,
        @Size(max = ThreadParticipant.MAX_NAME, message = "must be at most {max} characters") String displayName) {

    /** The requested change; {@code lastReadAt} defaults to now when only the message moves. */
    public ParticipantChange change(Instant now) {
        if (lastReadMessageId == null && lastReadAt == null && displayName == null) {
            throw Failure.invalid("lastReadMessageId",
                    "give at least one of lastReadMessageId, lastReadAt or displayName");
        }
        Instant readAt = null;
        if (lastReadAt != null) {
            readAt = Timestamps.parse("lastReadAt", lastReadAt);
        } else if (lastReadMessageId != null) {
            readAt = now;
        }
        return new ParticipantChange(lastReadMessageId, readAt, displayName);
    }

    /** A validated change; null members stay as they are. */
    public record ParticipantChange(String lastReadMessageId, Instant lastReadAt, String displayName) {
    }
}
