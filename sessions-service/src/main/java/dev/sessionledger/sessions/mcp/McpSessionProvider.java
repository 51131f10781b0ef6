package dev.sessionledger.sessions.mcp;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A provider (MCP server) attached to a session: a server session. */
@Entity
@Table(name = "mcp_session_provider")
public class McpSessionProvider extends McpRecord {

    /** What the API calls this object: its views' {@code object} and the entity its not-found errors name. */
    public static final String ENTITY = "session.provider";

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "provider_id", nullable = false)
    public String providerId;

    @Column(nullable = false)
    public String name;

    @Column(name = "idempotency_key")
    public String idempotencyKey;
}
