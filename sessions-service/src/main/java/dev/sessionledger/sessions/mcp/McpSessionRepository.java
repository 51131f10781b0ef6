package dev.sessionledger.sessions.mcp;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import dev.sessionledger.commons.metorial.KeysetFilter;
import dev.sessionledger.commons.metorial.KeysetPager;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.commons.persistence.RowSelect;
import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.sessions.mcp.McpRows.SessionRow;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes MCP sessions, always within one tenant; reads that only show a session take rows. */
@ApplicationScoped
public class McpSessionRepository implements PanacheRepositoryBase<McpSession, UUID> {

    private static final RowSelect<SessionRow> ROWS = RowSelect.of(SessionRow.class, McpSession.class);

    @Inject
    SqlReads reads;

    /** One keyset page of the tenant's sessions, served by {@code mcp_session_tenant_id_idx}. */
    public MetorialPage<SessionRow> page(String tenant, MetorialListRequest request) {
        return KeysetPager.page(reads, ROWS, KeysetFilter.of("tenant_id", tenant), request);
    }

    /** One index probe by id. */
    public Optional<SessionRow> rowInTenant(String tenant, UUID id) {
        return ROWS.inTenant(reads, tenant, id);
    }

    /** The session's status, if it is the tenant's: one index probe by id. */
    public Optional<String> statusInTenant(String tenant, UUID id) {
        return reads.first(new Sql("select status from mcp_session where tenant_id = ? and id = ?", List.of(tenant, id)),
                rows -> rows.getString(1));
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
