package dev.sessionledger.sessions.mcp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.commons.persistence.IdempotentCreate;
import dev.sessionledger.sessions.mcp.McpRows.SessionClientRow;
import dev.sessionledger.sessions.mcp.McpRows.SessionProviderRow;
import dev.sessionledger.sessions.mcp.McpRows.SessionRow;
import dev.sessionledger.sessions.mcp.McpRows.SessionUsage;

/** Starts and ends MCP sessions and reads them back, within the caller's tenant. */
@ApplicationScoped
public class McpSessionService {

    @Inject
    McpSessionRepository sessions;

    @Inject
    McpRepositories.Connections connections;

    @Inject
    McpRepositories.SessionProviders providers;

    @Inject
    McpRepositories.ProviderRuns runs;

    @Inject
    SessionUsages usages;

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

    /**
     * A session as the API shows it: its row, the distinct clients of its connections (each
     * participant once, as its first connection named it, in connection order), its server sessions,
     * and its usage (null when messages-service cannot tell it now).
     */
    public record SessionDetail(SessionRow session, List<SessionClientRow> clients, List<SessionProviderRow> providers,
            SessionUsage usage) {
    }

    /**
     * One page of sessions with their details: whatever its size, one query for its clients, one for
     * its providers and one call to messages-service ({@code authorization} forwarded) for its usage.
     */
    public MetorialPage<SessionDetail> list(String tenant, String authorization, MetorialListRequest request) {
        MetorialPage<SessionRow> page = sessions.page(tenant, request);
        Map<UUID, SessionDetail> details = details(tenant, authorization, page.items());
        return page.map(row -> details.get(row.id()));
    }

    /** The session as the API shows it. */
    public SessionDetail read(String tenant, String authorization, UUID id) {
        return detail(tenant, authorization, sessions.rowInTenant(tenant, id).orElseThrow(() -> notFound(id)));
    }

    /** A session just written, as the API shows it. */
    public SessionDetail detail(String tenant, String authorization, McpSession session) {
        return detail(tenant, authorization, SessionRow.of(session));
    }

    private SessionDetail detail(String tenant, String authorization, SessionRow row) {
        return details(tenant, authorization, List.of(row)).get(row.id());
    }

    private Map<UUID, SessionDetail> details(String tenant, String authorization, List<SessionRow> rows) {
        List<UUID> ids = rows.stream().map(SessionRow::id).toList();
        Map<UUID, List<SessionClientRow>> clients = bySession(connections.clientsOf(tenant, ids),
                SessionClientRow::sessionId);
        Map<UUID, List<SessionProviderRow>> attached = bySession(providers.ofSessions(tenant, ids),
                SessionProviderRow::sessionId);
        Optional<Map<UUID, SessionUsage>> usage = usages.of(authorization, ids);
        Map<UUID, SessionDetail> details = new LinkedHashMap<>();
        for (SessionRow row : rows) {
            details.put(row.id(), new SessionDetail(row, distinctClients(clients.getOrDefault(row.id(), List.of())),
                    attached.getOrDefault(row.id(), List.of()), usage.map(u -> u.get(row.id())).orElse(null)));
        }
        return details;
    }

    /** Rows grouped by session, each group in the order the query gave it. */
    private static <R> Map<UUID, List<R>> bySession(List<R> rows, Function<R, UUID> session) {
        return rows.stream().collect(Collectors.groupingBy(session, Collectors.toCollection(ArrayList::new)));
    }

    /** A client that connected again (the same participant) is one client, as it first connected. */
    private static List<SessionClientRow> distinctClients(List<SessionClientRow> connections) {
        Map<UUID, SessionClientRow> first = new LinkedHashMap<>();
        for (SessionClientRow connection : connections) {
            first.putIfAbsent(connection.participantId(), connection);
        }
        return List.copyOf(first.values());
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
