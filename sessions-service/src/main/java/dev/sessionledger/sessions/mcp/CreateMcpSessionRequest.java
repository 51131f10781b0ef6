package dev.sessionledger.sessions.mcp;

import java.util.Map;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /sessions}. */
public record CreateMcpSessionRequest(
        @Size(max = 50, message = "may hold at most 50 keys") Map<String, Object> metadata) {
}
