package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** The objects the MCP side of the API shows, in Metorial's snake_case shapes. */
public final class McpViews {

    private McpViews() {
    }

    /**
     * Metorial's session object, with what a console lists beside it: the session's clients, its
     * providers and its usage (Metorial's name for the message counts).
     */
    public record SessionView(String object, String id, String status, String connectionStatus,
            Map<String, Object> metadata, Instant createdAt, Instant updatedAt, Instant endedAt,
            @Schema(description = "The distinct clients of the session's connections, in connection order")
            List<SessionClientView> clients,
            @Schema(description = "The session's server sessions, in the order they were attached")
            List<SessionProviderSummaryView> providers,
            @Schema(nullable = true, description = "The session's messages as messages-service counts them; "
                    + "null while messages-service cannot answer") SessionUsageView usage) {
    }

    /** A client of a session: the participant it is and what its initialize request named it. */
    public record SessionClientView(String participantId, String name, String title, String version) {
    }

    /** A server session of a session, as its list shows it. */
    public record SessionProviderSummaryView(String id, String providerId, String name) {
    }

    /** How many messages a session holds, under the names of Metorial's session object, and when the last was sent. */
    public record SessionUsageView(long totalProductiveMessageCount, long totalProductiveClientMessageCount,
            long totalProductiveServerMessageCount, long errorMessageCount,
            @Schema(nullable = true, description = "When the session's last message was sent; null before any")
            Instant lastMessageAt) {
    }

    /** Metorial's session participant object, exactly as the Session Participants API documents it. */
    public record ParticipantView(String object, String id, String type, String identifier, String name,
            @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "What the participant said of itself") String data, String providerId, Instant createdAt) {
    }

    /** The client an MCP connection came from, as its initialize request named it. */
    public record ClientView(String name, String title, String version) {
    }

    /** A client connection to a session, with the participant it is. */
    public record ConnectionView(String object, String id, String sessionId, String participantId, String transport,
            ClientView client, String protocolVersion, String state, Instant connectedAt, Instant disconnectedAt,
            Instant createdAt, Instant updatedAt, ParticipantView participant) {
    }

    /** A provider attached to a session (a server session). */
    public record SessionProviderView(String object, String id, String sessionId, String providerId,
            String participantId, String name, Instant createdAt, Instant updatedAt) {
    }

    /** One run of a provider within a server session. */
    public record ProviderRunView(String object, String id, String sessionId, String sessionProviderId, String status,
            Instant startedAt, Instant stoppedAt, Instant createdAt, Instant updatedAt) {
    }

    /** The answer of the internal lookup: the named session, server session and run exist together. */
    public record LookupView(String sessionId, String status, String serverSessionId, String providerRunId) {
    }
}
