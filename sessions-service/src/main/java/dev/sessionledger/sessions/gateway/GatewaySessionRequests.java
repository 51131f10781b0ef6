package dev.sessionledger.sessions.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.sessionledger.sessions.mcp.McpRequests;

/** Bodies of the gateway's internal session API, with their bounds. */
public final class GatewaySessionRequests {

    /** The longest idle timeout a session may ask for: a week. */
    static final int MAX_IDLE_TIMEOUT_SECONDS = 604_800;

    private GatewaySessionRequests() {
    }

    /** A client's {@code initialize} passed through a provider: the session to open for it. */
    public record Open(
            @NotBlank(message = "is required") @Size(max = 200) String providerId,
            @NotNull(message = "is required") @Valid McpRequests.Initialize initialize,
            @NotNull(message = "is required") @Min(1) @Max(MAX_IDLE_TIMEOUT_SECONDS) Integer idleTimeoutSeconds) {
    }

    /**
     * Traffic passed: the idle deadline moves on, and the upstream's session id, when it has just
     * given one, is kept (MCP allows visible ASCII only).
     */
    public record Activity(
            @Size(min = 1, max = 1024) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be visible ASCII")
            String upstreamSessionId) {
    }
}
