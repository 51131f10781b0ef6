package dev.sessionledger.sessions.gateway;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One MCP session served by mcp-gateway: the records its messages go under, and its upstream's session. */
@Entity
@Table(name = "mcp_gateway_session")
public class GatewaySession {

    /** The entity a not-found error names. */
    public static final String ENTITY = "session";

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "provider_id", nullable = false)
    public UUID providerId;

    @Column(name = "connection_id", nullable = false)
    public UUID connectionId;

    @Column(name = "client_participant_id", nullable = false)
    public UUID clientParticipantId;

    @Column(name = "server_session_id", nullable = false)
    public UUID serverSessionId;

    @Column(name = "server_participant_id", nullable = false)
    public UUID serverParticipantId;

    @Column(name = "provider_run_id", nullable = false)
    public UUID providerRunId;

    /** The provider's mode when the session began: a session keeps it to its end. */
    @Column(name = "recording_mode", nullable = false)
    public String recordingMode;

    /** The upstream's {@code Mcp-Session-Id}; null until it answers initialize, or when it keeps no sessions. */
    @Column(name = "upstream_session_id")
    public String upstreamSessionId;

    @Column(name = "idle_timeout_seconds", nullable = false)
    public int idleTimeoutSeconds;

    /** When the session ends unless traffic passes before. */
    @Column(name = "idle_deadline", nullable = false)
    public Instant idleDeadline;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean ended() {
        return endedAt != null;
    }
}
