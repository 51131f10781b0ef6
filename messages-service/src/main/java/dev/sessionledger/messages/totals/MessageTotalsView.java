package dev.sessionledger.messages.totals;

import java.time.Instant;

/** How many messages one session holds, and when its first and last were sent, for sessions-service's session views. */
public record MessageTotalsView(
        String sessionId,
        long messageCount,
        long clientMessageCount,
        long serverMessageCount,
        long errorCount,
        Instant firstMessageAt,
        Instant lastMessageAt) {
}
