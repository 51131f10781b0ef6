package dev.sessionledger.messages.message;

import java.time.Instant;
import java.util.UUID;

import dev.sessionledger.commons.metorial.KeysetRow;

/**
 * Recorded messages as the read paths take them from their table: each component named as the
 * entity attribute it is read from ({@link dev.sessionledger.commons.persistence.RowSelect}).
 */
public final class MessageRows {

    private MessageRows() {
    }

    /** A message as the Session Messages API shows it. */
    public record MessageRow(UUID id, String type, String senderType, String senderId, String method, String payload,
            UUID sessionId, UUID serverSessionId, Instant createdAt) implements KeysetRow {

        /** A stored message, as a batch that recorded it holds it. */
        public static MessageRow of(SessionMessage m) {
            return new MessageRow(m.id, m.type, m.senderType, m.senderId, m.method, m.payload, m.sessionId,
                    m.serverSessionId, m.createdAt);
        }
    }

    /** Who sent a message. */
    public record SenderRow(UUID id, UUID sessionId, UUID serverSessionId, String senderType, String senderId,
            UUID participantId) {
    }

    /** The totals of a session's messages ({@link SessionMessageTotal}). */
    public record TotalsRow(UUID sessionId, long messageCount, long clientMessageCount, long serverMessageCount,
            long errorCount, Instant firstMessageAt, Instant lastMessageAt) {
    }
}
