package dev.sessionledger.sessions.mcp;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.commons.persistence.IdempotentCreate;
import dev.sessionledger.sessions.mcp.McpRows.SessionRow;

/** Starts and ends MCP sessions and reads them back, within the caller's tenant. */
@ApplicationScoped
public class McpSessionService {

    @Inject
    McpSessionRepository sessions;

    @Inject
    McpRepositories.Connections connections;

    @Inject
    McpRepositories.ProviderRuns runs;

    @Inject
    Clock clock;

    /**
     * A new session, or the one a request with the same idempotency key already started; of two
     * such requests at once, the one that loses the insert runs again and finds the other's.
     */
    @IdempotentCreate
    @Transactional
    public McpSession create(String tenant, Map<String, Object> metadata, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<McpSession> earlier = sessions.byIdempotencyKey(tenant, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        McpSession session = new McpSession();
        session.stamp(tenant);
        session.status = McpSession.ACTIVE;
        session.metadata = metadata == null ? Map.of() : metadata;
        session.idempotencyKey = idempotencyKey;
        sessions.persistAndFlush(session);
        return session;
    }

    /**
     * Ends a session: its open connections disconnect and its running provider runs stop at the
     * same instant. Ending an ended session changes nothing.
     */
    @Transactional
    public McpSession end(String tenant, UUID id) {
        McpSession session = sessions.findInTenantForUpdate(tenant, id).orElseThrow(() -> notFound(id));
        if (McpSession.ACTIVE.equals(session.status)) {
            Instant now = clock.instant();
            session.status = McpSession.ENDED;
            session.endedAt = now;
            session.updatedAt = now;
            session.openConnections = 0;
            connections.disconnectAll(tenant, id, now);
            runs.stopAll(tenant, id, now);
        }
        return session;
    }

    public MetorialPage<SessionRow> list(String tenant, MetorialListRequest request) {
        return sessions.page(tenant, request);
    }

    /** The session as the API shows it. */
    public SessionRow read(String tenant, UUID id) {
        return sessions.rowInTenant(tenant, id).orElseThrow(() -> notFound(id));
    }

    /** The session as an entity, for a transaction that works with it. */
    public McpSession get(String tenant, UUID id) {
        return sessions.findInTenant(tenant, id).orElseThrow(() -> notFound(id));
    }

    /** The session, locked until the transaction ends, so that its connection count stays exact. */
    Optional<McpSession> lock(String tenant, UUID id) {
        return sessions.findInTenantForUpdate(tenant, id);
    }

    /** The session, which must exist (404) and still be active (409) to take new connections, providers or runs. */
    McpSession requireActive(String tenant, UUID id) {
        McpSession session = lock(tenant, id).orElseThrow(() -> notFound(id));
        if (!McpSession.ACTIVE.equals(session.status)) {
            throw Failure.conflict("Session " + IdPrefix.SESSION.format(id) + " has ended");
        }
        return session;
    }

    static Failure notFound(UUID id) {
        return Failure.notFound(McpSession.ENTITY, IdPrefix.SESSION.format(id));
    }
}
