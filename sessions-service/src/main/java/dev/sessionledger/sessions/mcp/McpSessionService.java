package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;

/** Starts MCP sessions and reads them back, within the caller's tenant. */
@ApplicationScoped
public class McpSessionService {

    @Inject
    McpSessionRepository sessions;

    @Transactional
    public McpSession create(String tenant, Map<String, Object> metadata) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        McpSession session = new McpSession();
        session.id = PrefixedId.newUuid();
        session.tenantId = tenant;
        session.status = McpSession.ACTIVE;
        session.metadata = metadata == null ? Map.of() : metadata;
        session.createdAt = now;
        session.updatedAt = now;
        sessions.persist(session);
        return session;
    }

    public MetorialPage<McpSession> list(String tenant, MetorialListRequest request) {
        return sessions.page(tenant, request);
    }

    public Optional<McpSession> find(String tenant, UUID id) {
        return sessions.findInTenant(tenant, id);
    }
}
