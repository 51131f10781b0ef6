package dev.sessionledger.sessions.provider;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.sessionledger.commons.ids.PrefixedId;

/** A registered provider as stored: an upstream MCP server of a tenant, and its credentials sealed. */
@Entity
@Table(name = "mcp_provider")
public class Provider {

    /** What the API calls this object: its views' {@code object} and the entity its not-found errors name. */
    public static final String ENTITY = "provider";

    public static final String BEST_EFFORT = "best_effort";
    public static final String AUDIT = "audit";

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

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

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Gives a new provider its id, tenant and creation time, all from one UUIDv7. */
    void stamp(String tenant) {
        id = PrefixedId.newUuid();
        tenantId = tenant;
        createdAt = PrefixedId.timestampOf(id);
        updatedAt = createdAt;
    }

    @Override
    public String toString() {
        return "Provider[" + id + "]";
    }
}
