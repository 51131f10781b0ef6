package dev.sessionledger.sessions.mcp;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.sessions.mcp.McpViews.LookupView;

/**
 * Tells another service whether a session, and a server session and provider run of it, exist for
 * the caller's tenant. Each step is one primary-key read.
 */
@ApplicationScoped
public class SessionLookupService {

    @Inject
    McpSessionRepository sessions;

    @Inject
    McpRepositories.SessionProviders providers;

    @Inject
    McpRepositories.ProviderRuns runs;

    public LookupView lookup(String tenant, String sessionId, String serverSessionId, String providerRunId) {
        UUID session = McpIds.existing(McpIds.SESSION, sessionId, McpSessionService.ENTITY);
        McpSession found = sessions.findInTenant(tenant, session)
                .orElseThrow(() -> Failure.notFound(McpSessionService.ENTITY, sessionId));
        UUID provider = null;
        if (serverSessionId != null) {
            provider = providers.inSession(tenant, session,
                    McpIds.existing(McpIds.SESSION_PROVIDER, serverSessionId, McpProviderService.PROVIDER_ENTITY))
                    .orElseThrow(() -> Failure.notFound(McpProviderService.PROVIDER_ENTITY, serverSessionId)).id;
        }
        if (providerRunId != null) {
            UUID run = McpIds.existing(McpIds.PROVIDER_RUN, providerRunId, McpProviderService.RUN_ENTITY);
            boolean exists = provider == null
                    ? runs.find("tenantId = ?1 and sessionId = ?2 and id = ?3", tenant, session, run).count() > 0
                    : runs.inSessionProvider(tenant, provider, run).isPresent();
            if (!exists) {
                throw Failure.notFound(McpProviderService.RUN_ENTITY, providerRunId);
            }
        }
        return new LookupView(sessionId, found.status, serverSessionId, providerRunId);
    }
}
