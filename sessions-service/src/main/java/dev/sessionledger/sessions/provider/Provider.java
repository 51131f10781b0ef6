package dev.sessionledger.sessions.provider;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.sessionledger.sessions.mcp.McpRecord;

/** A registered provider as stored: an upstream MCP server of a tenant, and its credentials sealed. */
@Entity
@Table(name = "mcp_provider")
public class Provider extends McpRecord {

    /** What the API calls this object: its views' {@code object} and the entity its not-found errors name. */
    public static final String ENTITY = "provider";

    public static final String BEST_EFFORT = "best_effort";
    public static final String AUDIT = "audit";

    @Column(nullable = false)
    public String name;

    @Column(name = "upstream_url", nullable = false)
    public String upstreamUrl;

    /** {@link HeaderVault}'s sealed form; null when the provider has no headers. */
    @Column(name = "upstream_headers")
    public byte[] upstreamHeaders;

    @Column(name = "recording_mode", nullable = false)
    public String recordingMode;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** A new provider of the tenant, with its id and creation time from one UUIDv7. */
    static Provider newIn(String tenant) {
        Provider provider = new Provider();
        provider.stamp(tenant);
        return provider;
    }

    @Override
    public String toString() {
        return "Provider[" + id + "]";
    }
}
