package dev.sessionledger.messages.senders;

/** Who sent one message, for sessions-service's participant filter {@code session_message_id}. */
public record MessageSenderView(
        String messageId,
        String sessionId,
        String serverSessionId,
        String senderType,
        String senderId,
        String participantId) {
}
