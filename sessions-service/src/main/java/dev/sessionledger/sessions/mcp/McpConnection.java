package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An MCP client's connection to a session, opened from its initialize request. */
@Entity
@Table(name = "mcp_connection")
public class McpConnection extends McpRecord {

    /** What the API calls this object: its views' {@code object} and the entity its not-found errors name. */
    public static final String ENTITY = "session.connection";

    public static final String CONNECTED = "connected";
    public static final String DISCONNECTED = "disconnected";

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(nullable = false)
    public String transport;

    @Column(name = "client_name", nullable = false)
    public String clientName;

    @Column(name = "client_title")
    public String clientTitle;

    @Column(name = "client_version")
    public String clientVersion;

    @Column(name = "protocol_version")
    public String protocolVersion;

    @Column(nullable = false)
    public String state;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "connected_at", nullable = false)
    public Instant connectedAt;

    @Column(name = "disconnected_at")
    public Instant disconnectedAt;
}
