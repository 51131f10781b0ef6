package dev.sessionledger.threads.participants;

import java.time.Instant;

/**
 * A change to a participant; null members stay as they are, except that a moved read marker
 * without its own {@code lastReadAt} is read now.
 */
public record ParticipantChange(String lastReadMessageId, Instant lastReadAt, String displayName) {
}
