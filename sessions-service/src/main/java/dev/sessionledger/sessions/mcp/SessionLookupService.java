package dev.sessionledger.sessions.mcp;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tells another service whether a session, and a server session and provider run of it, exist for
 * the caller's tenant. Each step is one primary-key read.
 */
@ApplicationScoped
public class SessionLookupService {

    /** A session that exists, with the server session and run asked about (null when not asked). */
    public record Found(McpSession session, UUID serverSessionId, UUID providerRunId) {
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
        McpSession session = sessions.findInTenant(tenant, sessionId)
                .orElseThrow(() -> McpSessionService.notFound(sessionId));
        if (serverSessionId != null && providers.inSession(tenant, sessionId, serverSessionId).isEmpty()) {
            throw McpProviderService.providerNotFound(serverSessionId);
        }
        if (providerRunId != null) {
            boolean exists = serverSessionId == null
                    ? runs.inSession(tenant, sessionId, providerRunId).isPresent()
                    : runs.inSessionProvider(tenant, serverSessionId, providerRunId).isPresent();
            if (!exists) {
                throw McpProviderService.runNotFound(providerRunId);
            }
        }
        return new Found(session, serverSessionId, providerRunId);
    }
}
