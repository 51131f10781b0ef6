package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.persistence.RowSelect;
import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.sessions.mcp.McpRows.SessionClientRow;
import dev.sessionledger.sessions.mcp.McpRows.SessionProviderRow;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Small tenant-scoped finders of the MCP records that have no list of their own. */
public final class McpRepositories {

    private McpRepositories() {
    }

    /** Whether a row of {@code table} meets {@code condition} (its values bound in order), read as its id alone. */
    static boolean exists(SqlReads reads, String table, String condition, Object... values) {
        return reads.exists(new Sql("select id from " + table + " where " + condition, List.of(values)));
    }

    /** The rows of {@code select} in the tenant's sessions among {@code sessionIds}, each session's in id order. */
    static <R extends Record> List<R> inSessions(SqlReads reads, RowSelect<R> select, String tenant,
            Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of()
                : select.where(reads, new Sql("tenant_id = ? and session_id = any(?) order by session_id, id",
                        List.of(tenant, sessionIds)));
    }

    /** Connections, found within a session of a tenant. */
    @ApplicationScoped
    public static class Connections implements PanacheRepositoryBase<McpConnection, UUID> {

        private static final RowSelect<SessionClientRow> CLIENTS = RowSelect.of(SessionClientRow.class,
                McpConnection.class);

        @Inject
        SqlReads reads;

        /** The clients of some sessions' connections, in one query ({@code mcp_connection_tenant_session_idx}). */
        public List<SessionClientRow> clientsOf(String tenant, Collection<UUID> sessionIds) {
            return inSessions(reads, CLIENTS, tenant, sessionIds);
        }

        public Optional<McpConnection> inSession(String tenant, UUID sessionId, UUID id) {
            return find("tenantId = ?1 and sessionId = ?2 and id = ?3", tenant, sessionId, id).firstResultOptional();
        }

        public Optional<McpConnection> byIdempotencyKey(String tenant, UUID sessionId, String key) {
            return find("tenantId = ?1 and sessionId = ?2 and idempotencyKey = ?3", tenant, sessionId, key)
                    .firstResultOptional();
        }

        /** Served by {@code mcp_connection_open_idx}. */
        public int disconnectAll(String tenant, UUID sessionId, Instant at) {
            return update("state = ?1, disconnectedAt = ?2, updatedAt = ?2 where tenantId = ?3 and sessionId = ?4"
                    + " and state = ?5", McpConnection.DISCONNECTED, at, tenant, sessionId, McpConnection.CONNECTED);
        }
    }

    /** Server sessions, found within a session of a tenant. */
    @ApplicationScoped
    public static class SessionProviders implements PanacheRepositoryBase<McpSessionProvider, UUID> {

        private static final RowSelect<SessionProviderRow> ROWS = RowSelect.of(SessionProviderRow.class,
                McpSessionProvider.class);

        @Inject
        SqlReads reads;

        /** One index probe by id. */
        public Optional<SessionProviderRow> rowInSession(String tenant, UUID sessionId, UUID id) {
            return ROWS.one(reads, "tenant_id = ? and session_id = ? and id = ?", tenant, sessionId, id);
        }

        /** One index probe by id. */
        public boolean existsInSession(String tenant, UUID sessionId, UUID id) {
            return exists(reads, "mcp_session_provider", "tenant_id = ? and session_id = ? and id = ?", tenant,
                    sessionId, id);
        }

        public Optional<McpSessionProvider> byIdempotencyKey(String tenant, UUID sessionId, String key) {
            return find("tenantId = ?1 and sessionId = ?2 and idempotencyKey = ?3", tenant, sessionId, key)
                    .firstResultOptional();
        }

        /** Some sessions' server sessions, in one query ({@code mcp_session_provider_tenant_session_idx}). */
        public List<SessionProviderRow> ofSessions(String tenant, Collection<UUID> sessionIds) {
            return inSessions(reads, ROWS, tenant, sessionIds);
        }

        /** The provider participants of some server sessions, in one query by primary key. */
        public List<UUID> participantsOf(String tenant, Collection<UUID> ids) {
            return ids.isEmpty() ? List.of()
                    : reads.list(new Sql("select p.participant_id from mcp_session_provider p"
                            + " where p.tenant_id = ? and p.id = any(?)", List.of(tenant, ids)),
                            rows -> rows.getObject(1, UUID.class));
        }
    }

    /** Provider runs, found within a session or a server session of a tenant. */
    @ApplicationScoped
    public static class ProviderRuns implements PanacheRepositoryBase<McpProviderRun, UUID> {

        @Inject
        SqlReads reads;

        /** One index probe by id. */
        public boolean existsInSession(String tenant, UUID sessionId, UUID id) {
            return exists(reads, "mcp_provider_run", "tenant_id = ? and session_id = ? and id = ?", tenant, sessionId,
                    id);
        }

        /** One index probe by id. */
        public boolean existsInSessionProvider(String tenant, UUID sessionProviderId, UUID id) {
            return exists(reads, "mcp_provider_run", "tenant_id = ? and session_provider_id = ? and id = ?", tenant,
                    sessionProviderId, id);
        }

        public Optional<McpProviderRun> inSessionProvider(String tenant, UUID sessionProviderId, UUID id) {
            return find("tenantId = ?1 and sessionProviderId = ?2 and id = ?3", tenant, sessionProviderId, id)
                    .firstResultOptional();
        }

        public Optional<McpProviderRun> byIdempotencyKey(String tenant, UUID sessionProviderId, String key) {
            return find("tenantId = ?1 and sessionProviderId = ?2 and idempotencyKey = ?3", tenant, sessionProviderId,
                    key).firstResultOptional();
        }

        /** Served by {@code mcp_provider_run_session_idx}. */
        public int stopAll(String tenant, UUID sessionId, Instant at) {
            return update("status = ?1, stoppedAt = ?2, updatedAt = ?2 where tenantId = ?3 and sessionId = ?4"
                    + " and status = ?5", McpProviderRun.STOPPED, at, tenant, sessionId, McpProviderRun.RUNNING);
        }
    }
}
