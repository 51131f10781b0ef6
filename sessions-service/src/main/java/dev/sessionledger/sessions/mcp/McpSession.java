package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An MCP session as stored: one AI client's conversation with its tool servers. */
@Entity
@Table(name = "mcp_session")
public class McpSession extends McpRecord {

    /** What the API calls this object: its views' {@code object} and the entity its not-found errors name. */
    public static final String ENTITY = "session";

    public static final String ACTIVE = "active";
    public static final String ENDED = "ended";

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> metadata;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "open_connections", nullable = false)
    public int openConnections;
}
