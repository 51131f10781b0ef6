package dev.sessionledger.threads.participants;

import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.commons.validation.UuidText;

/**
 * Body of {@code POST /api/thread-participants}: who joins which thread. Its fields are checked
 * first, then that it names one identity, then that the thread is named by an id, each step only
 * when the one before passed.
 */
@GroupSequence({ AddParticipantRequest.class, AddParticipantRequest.Identity.class,
        AddParticipantRequest.ThreadReference.class })
@OneIdentity(groups = AddParticipantRequest.Identity.class)
public record AddParticipantRequest(
        @NotNull(message = "is required") @UuidText(groups = ThreadReference.class) String threadId,
        @Size(min = 1, max = ThreadParticipant.MAX_REF, message = "must be 1 to {max} characters") String userId,
        @Size(min = 1, max = ThreadParticipant.MAX_REF, message = "must be 1 to {max} characters") String agentId,
        @Size(min = 1, max = ThreadParticipant.MAX_REF, message = "must be 1 to {max} characters") String swarmId,
        @Size(min = 1, max = ThreadParticipant.MAX_REF, message = "must be 1 to {max} characters") String externalIdentity,
        @Size(max = ThreadParticipant.MAX_NAME, message = "must be at most {max} characters") String displayName) {

    /** The check that the body names exactly one identity. */
    interface Identity {
    }

    /** The check that {@code threadId} is a UUID. */
    interface ThreadReference {
    }

    /** The participant this body asks for; valid once validated. */
    public NewParticipant toNewParticipant() {
        return new NewParticipant(Uuids.input("threadId", threadId), userId, agentId, swarmId, externalIdentity,
                displayName);
    }
}
