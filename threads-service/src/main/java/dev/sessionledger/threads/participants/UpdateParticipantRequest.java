package dev.sessionledger.threads.participants;

import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.Size;

import dev.sessionledger.commons.params.Timestamps;
import dev.sessionledger.commons.validation.Timestamp;

/**
 * Body of {@code PATCH /api/thread-participants/{id}}: move the read marker and/or rename. Its
 * lengths are checked first, then that it changes something and that {@code lastReadAt} is a time.
 */
@GroupSequence({ UpdateParticipantRequest.class, UpdateParticipantRequest.Content.class })
@SomeChange(groups = UpdateParticipantRequest.Content.class)
public record UpdateParticipantRequest(
        @Size(min = 1, max = ThreadParticipant.MAX_REF, message = "must be 1 to {max} characters") String lastReadMessageId,
        @Timestamp(groups = Content.class) String lastReadAt,
        @Size(max = ThreadParticipant.MAX_NAME, message = "must be at most {max} characters") String displayName) {

    /** The checks of what the body asks for, once its lengths are right. */
    interface Content {
    }

    /** The requested change; valid once validated. */
    public ParticipantChange change() {
        return new ParticipantChange(lastReadMessageId,
                lastReadAt == null ? null : Timestamps.parse("lastReadAt", lastReadAt), displayName);
    }
}
