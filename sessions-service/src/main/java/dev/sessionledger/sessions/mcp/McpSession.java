package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An MCP session as stored: one AI client's conversation with its tool servers. */
@Entity
@Table(name = "mcp_session")
public class McpSession {

    public static final String ACTIVE = "active";
    public static final String ENDED = "ended";

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> metadata;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "idempotency_key")
    public String idempotencyKey;
}
