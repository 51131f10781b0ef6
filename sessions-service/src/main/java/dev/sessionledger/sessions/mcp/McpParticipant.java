package dev.sessionledger.sessions.mcp;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A client or provider that took part in MCP sessions, one per distinct identity per tenant. */
@Entity
@Table(name = "mcp_participant")
public class McpParticipant extends McpRecord {

    /** What the API calls this object: its views' {@code object} and the entity its not-found errors name. */
    public static final String ENTITY = "session.participant";

    public static final String MCP_CLIENT = "mcp_client";
    public static final String PROVIDER = "provider";
    public static final String SYSTEM = "system";
    public static final String TOOL_CALL = "tool_call";
    public static final String UNKNOWN = "unknown";
    /** Every type a participant can have, as the table's check constraint lists them. */
    public static final List<String> TYPES = List.of(MCP_CLIENT, PROVIDER, SYSTEM, TOOL_CALL, UNKNOWN);

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
