package dev.sessionledger.sessions.mcp;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tells another service whether a session, and a server session and provider run of it, exist for
 * the caller's tenant. Each step is one primary-key read of the columns it needs, no entity.
 */
@ApplicationScoped
public class SessionLookupService {

    /** A session that exists and its status, with the server session and run asked about (null when not asked). */
    public record Found(UUID sessionId, String status, UUID serverSessionId, UUID providerRunId) {
    }

    @Inject
    McpSessionRepository sessions;

    @Inject
    McpRepositories.SessionProviders providers;

    @Inject
    McpRepositories.ProviderRuns runs;

    /**
     * @param serverSessionId null when not asked about
     * @param providerRunId   null when not asked about; with a server session, a run of that one
     */
    public Found lookup(String tenant, UUID sessionId, UUID serverSessionId, UUID providerRunId) {
        String status = sessions.statusInTenant(tenant, sessionId)
                .orElseThrow(() -> McpSessionService.notFound(sessionId));
        if (serverSessionId != null && !providers.existsInSession(tenant, sessionId, serverSessionId)) {
            throw McpProviderService.providerNotFound(serverSessionId);
        }
        if (providerRunId != null) {
            boolean exists = serverSessionId == null
                    ? runs.existsInSession(tenant, sessionId, providerRunId)
                    : runs.existsInSessionProvider(tenant, serverSessionId, providerRunId);
            if (!exists) {
                throw McpProviderService.runNotFound(providerRunId);
            }
        }
        return new Found(sessionId, status, serverSessionId, providerRunId);
    }
}
