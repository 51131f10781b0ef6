package dev.sessionledger.sessions.mcp;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.sessions.mcp.McpRows.SessionProviderRow;

/** Attaches providers (MCP servers) to sessions and records their runs. */
@ApplicationScoped
public class McpProviderService {

    @Inject
    McpSessionService sessions;

    @Inject
    McpRepositories.SessionProviders providers;

    @Inject
    McpRepositories.ProviderRuns runs;

    @Inject
    McpParticipantService participants;

    @Inject
    Clock clock;

    /** A new server session with the provider's participant (created or reused), or the one an earlier retry made. */
    @Transactional
    public McpSessionProvider attach(String tenant, UUID sessionId, McpRequests.AttachProvider request,
            String idempotencyKey) {
        sessions.requireActive(tenant, sessionId);
        if (idempotencyKey != null) {
            Optional<McpSessionProvider> earlier = providers.byIdempotencyKey(tenant, sessionId, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String name = request.nameOrProviderId();
        McpParticipant participant = participants.upsertProvider(tenant, request.providerId(), name);
        McpSessionProvider provider = new McpSessionProvider();
        provider.stamp(tenant);
        provider.sessionId = sessionId;
        provider.participantId = participant.id;
        provider.providerId = request.providerId();
        provider.name = name;
        provider.idempotencyKey = idempotencyKey;
        providers.persistAndFlush(provider);
        return provider;
    }

    /** Starts a run of a server session's provider, or returns the one an earlier retry started. */
    @Transactional
    public McpProviderRun startRun(String tenant, UUID sessionId, UUID providerId, String idempotencyKey) {
        sessions.requireActive(tenant, sessionId);
        SessionProviderRow provider = get(tenant, sessionId, providerId);
        if (idempotencyKey != null) {
            Optional<McpProviderRun> earlier = runs.byIdempotencyKey(tenant, provider.id(), idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        McpProviderRun run = new McpProviderRun();
        run.stamp(tenant);
        run.sessionId = sessionId;
        run.sessionProviderId = provider.id();
        run.status = McpProviderRun.RUNNING;
        run.idempotencyKey = idempotencyKey;
        run.startedAt = run.createdAt;
        runs.persistAndFlush(run);
        return run;
    }

    /** Stops a run; stopping it again changes nothing. */
    @Transactional
    public McpProviderRun stopRun(String tenant, UUID sessionId, UUID providerId, UUID runId) {
        if (!providers.existsInSession(tenant, sessionId, providerId)) {
            throw runNotFound(runId);
        }
        McpProviderRun run = runs.inSessionProvider(tenant, providerId, runId).orElseThrow(() -> runNotFound(runId));
        if (McpProviderRun.RUNNING.equals(run.status)) {
            Instant now = clock.instant();
            run.status = McpProviderRun.STOPPED;
            run.stoppedAt = now;
            run.updatedAt = now;
        }
        return run;
    }

    /** The server session as the API shows it. */
    public SessionProviderRow get(String tenant, UUID sessionId, UUID providerId) {
        return providers.rowInSession(tenant, sessionId, providerId).orElseThrow(() -> providerNotFound(providerId));
    }

    static Failure providerNotFound(UUID providerId) {
        return Failure.notFound(McpSessionProvider.ENTITY, IdPrefix.SESSION_PROVIDER.format(providerId));
    }

    static Failure runNotFound(UUID runId) {
        return Failure.notFound(McpProviderRun.ENTITY, IdPrefix.PROVIDER_RUN.format(runId));
    }
}
