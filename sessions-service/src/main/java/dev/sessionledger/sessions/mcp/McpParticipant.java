package dev.sessionledger.sessions.mcp;


import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A client or provider that took part in MCP sessions, one per distinct identity per tenant. */
@Entity
@Table(name = "mcp_participant")
public class McpParticipant extends McpRecord {

    public static final String MCP_CLIENT = "mcp_client";
    public static final String PROVIDER = "provider";

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
}
