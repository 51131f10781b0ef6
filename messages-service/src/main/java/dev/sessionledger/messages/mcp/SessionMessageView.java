package dev.sessionledger.messages.mcp;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonRawValue;

/** The Metorial session message object; {@code created_at} always has milliseconds, as Metorial writes it. */
public record SessionMessageView(
        String object,
        String id,
        String type,
        Sender sender,
        McpMessage mcpMessage,
        String sessionId,
        String serverSessionId,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", timezone = "UTC")
        Instant createdAt) {

    public static final String OBJECT = "session.message";

    /** Who sent the message: the MCP client or a server. */
    public record Sender(String object, String type, String id) {
        public static final String OBJECT = "session.message.sender";
    }

    /** The JSON-RPC message itself and its method. */
    public record McpMessage(String object, String method, @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "The JSON-RPC message as sent") String payload) {
        public static final String OBJECT = "session.message.mcp_message";
    }
}
