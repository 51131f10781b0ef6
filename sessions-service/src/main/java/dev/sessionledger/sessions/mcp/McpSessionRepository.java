package dev.sessionledger.sessions.mcp;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.sessionledger.commons.metorial.KeysetPager;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes MCP sessions, always within one tenant. */
@ApplicationScoped
public class McpSessionRepository implements PanacheRepositoryBase<McpSession, UUID> {

    /** One keyset page of the tenant's sessions, served by {@code mcp_session_tenant_id_idx}. */
    public MetorialPage<McpSession> page(String tenant, MetorialListRequest request) {
        return KeysetPager.page(this, "tenantId = :tenant", Map.of("tenant", tenant), request);
    }

    public Optional<McpSession> findInTenant(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResultOptional();
    }
}
