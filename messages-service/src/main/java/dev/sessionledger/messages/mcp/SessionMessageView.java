package dev.sessionledger.messages.mcp;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** The Metorial session message object. */
public record SessionMessageView(
        String object,
        String id,
        String type,
        Sender sender,
        McpMessage mcpMessage,
        String sessionId,
        String serverSessionId,
        Instant createdAt) {

    public static final String OBJECT = "session.message";

    /** Who sent the message: the MCP client or a server. */
    public record Sender(String object, String type, String id) {
        public static final String OBJECT = "session.message.sender";
    }

    /** The JSON-RPC message itself and its method. */
    public record McpMessage(String object, String method, @JsonRawValue String payload) {
        public static final String OBJECT = "session.message.mcp_message";
    }
}
