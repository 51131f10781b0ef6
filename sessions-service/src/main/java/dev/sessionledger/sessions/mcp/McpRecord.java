package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import dev.sessionledger.commons.ids.PrefixedId;

/**
 * What every stored MCP record has: a time-ordered id (UUIDv7) whose timestamp is its
 * {@code created_at}, the tenant it belongs to, and when it last changed.
 */
@MappedSuperclass
public abstract class McpRecord {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Gives a new record its id, tenant and creation time, all from one UUIDv7. */
    protected void stamp(String tenant) {
        id = PrefixedId.newUuid();
        tenantId = tenant;
        createdAt = PrefixedId.timestampOf(id);
        updatedAt = createdAt;
    }
}
