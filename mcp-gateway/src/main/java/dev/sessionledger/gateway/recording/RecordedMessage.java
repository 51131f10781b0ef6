package dev.sessionledger.gateway.recording;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC message as it passed the gateway, with what messages-service records it under.
 *
 * @param sender        {@code client} or {@code server}
 * @param senderId      the participant that sent it
 * @param authorization the bearer token of the request it came with: the tenant it is recorded in
 * @param passedNanos   when it passed ({@link System#nanoTime()}): the recording lag is counted from it
 */
public record RecordedMessage(String sessionId, String authorization, JsonNode payload, String sender,
        String senderId, String serverSessionId, String providerRunId, String participantId, String idempotencyKey,
        long passedNanos) {

    public static final String CLIENT = "client";
    public static final String SERVER = "server";
}
