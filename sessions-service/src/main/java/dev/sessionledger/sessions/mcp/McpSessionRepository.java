package dev.sessionledger.sessions.mcp;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.sessionledger.commons.metorial.KeysetFilter;
import dev.sessionledger.commons.metorial.KeysetPager;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes MCP sessions, always within one tenant. */
@ApplicationScoped
public class McpSessionRepository implements PanacheRepositoryBase<McpSession, UUID> {

    /** One keyset page of the tenant's sessions, served by {@code mcp_session_tenant_id_idx}. */
    public MetorialPage<McpSession> page(String tenant, MetorialListRequest request) {
        return KeysetPager.page(this, KeysetFilter.of("tenantId", tenant), request);
    }

    public Optional<McpSession> findInTenant(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResultOptional();
    }

    /** The session, locked until the transaction ends, so that an end and a new connection cannot interleave. */
    public Optional<McpSession> findInTenantForUpdate(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<McpSession> byIdempotencyKey(String tenant, String key) {
        return find("tenantId = ?1 and idempotencyKey = ?2", tenant, key).firstResultOptional();
    }
}
