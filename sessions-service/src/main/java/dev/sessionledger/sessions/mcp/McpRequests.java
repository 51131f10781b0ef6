package dev.sessionledger.sessions.mcp;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.sessionledger.commons.validation.FreeFormJson;
import dev.sessionledger.commons.validation.OneOf;

/** Bodies of the MCP write API, with their bounds. */
public final class McpRequests {

    private McpRequests() {
    }

    /** {@code POST /sessions}. */
    public record CreateSession(@FreeFormJson Map<String, Object> metadata) {
    }

    /**
     * {@code POST /sessions/{id}/connections}: how the client connected, and its MCP {@code initialize}
     * request as it sent it (camelCase, as the MCP specification writes it).
     */
    public record OpenConnection(
            @OneOf({ "streamable_http", "sse", "stdio", "websocket" }) String transport,
            @NotNull(message = "is required") @Valid Initialize initialize) {

        public String transportOrDefault() {
            return transport == null ? "streamable_http" : transport;
        }
    }

    /** An MCP {@code initialize} JSON-RPC request. */
    public record Initialize(
            @Pattern(regexp = "initialize", message = "must be initialize") String method,
            @NotNull(message = "is required") @Valid InitializeParams params) {
    }

    /** The {@code params} of an {@code initialize} request. */
    public record InitializeParams(
            @JsonProperty("protocolVersion") @Size(max = 64) String protocolVersion,
            @JsonProperty("clientInfo") @NotNull(message = "is required") @Valid ClientInfo clientInfo) {
    }

    /** The {@code clientInfo} of an {@code initialize} request. */
    public record ClientInfo(
            @NotBlank(message = "is required") @Size(max = 200) String name,
            @Size(max = 200) String title,
            @Size(max = 100) String version) {
    }

    /** {@code POST /sessions/{id}/providers}. */
    public record AttachProvider(
            @JsonProperty("provider_id") @NotBlank(message = "is required") @Size(max = 200) String providerId,
            @Size(max = 200) String name) {

        /** The server session's name: the one given, else the provider id. */
        public String nameOrProviderId() {
            return name == null || name.isBlank() ? providerId : name;
        }
    }
}
