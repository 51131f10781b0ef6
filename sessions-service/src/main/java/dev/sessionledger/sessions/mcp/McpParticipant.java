package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A client or provider that took part in MCP sessions, one per distinct identity per tenant. */
@Entity
@Table(name = "mcp_participant")
public class McpParticipant {

    public static final String MCP_CLIENT = "mcp_client";
    public static final String PROVIDER = "provider";

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String identifier;

    @Column(nullable = false)
    public String name;

    /** Kept as the JSON text that was stored. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String data;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
