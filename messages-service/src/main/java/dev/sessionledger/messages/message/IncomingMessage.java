package dev.sessionledger.messages.message;

import java.time.Instant;
import java.util.UUID;

/** One message of an ingest batch, checked and ready to store. */
public record IncomingMessage(
        String payload,
        JsonRpcShape shape,
        String senderType,
        String senderId,
        UUID serverSessionId,
        UUID providerRunId,
        UUID participantId,
        Instant createdAt,
        String idempotencyKey) {

    public IncomingMessage withShape(JsonRpcShape resolved) {
        return new IncomingMessage(payload, resolved, senderType, senderId, serverSessionId, providerRunId,
                participantId, createdAt, idempotencyKey);
    }

    /** The side that sent the request this message would answer. */
    public String requesterType() {
        return "client".equals(senderType) ? "server" : "client";
    }
}
