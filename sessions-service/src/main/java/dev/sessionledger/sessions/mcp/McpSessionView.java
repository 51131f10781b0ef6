package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.Map;

/** The Metorial session object. */
public record McpSessionView(
        String object,
        String id,
        String status,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt,
        Instant endedAt) {

    public static final String OBJECT = "session";
}
