package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.errors.Failure;

/** Attaches providers (MCP servers) to sessions and records their runs. */
@ApplicationScoped
public class McpProviderService {

    static final String PROVIDER_ENTITY = "session.provider";
    static final String RUN_ENTITY = "session.provider_run";

    @Inject
    McpSessionService sessions;

    @Inject
    McpRepositories.SessionProviders providers;

    @Inject
    McpRepositories.ProviderRuns runs;

    @Inject
    McpParticipantService participants;

    /** A new server session with the provider's participant (created or reused), or the one an earlier retry made. */
    @Transactional
    public McpSessionProvider attach(String tenant, UUID sessionId, String shownSessionId,
            McpRequests.AttachProvider request, String idempotencyKey) {
        sessions.requireActive(tenant, sessionId, shownSessionId);
        if (idempotencyKey != null) {
            Optional<McpSessionProvider> earlier = providers.byIdempotencyKey(tenant, sessionId, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String name = request.name() == null || request.name().isBlank() ? request.providerId() : request.name();
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
    public McpProviderRun startRun(String tenant, UUID sessionId, String shownSessionId, UUID providerId,
            String shownProviderId, String idempotencyKey) {
        sessions.requireActive(tenant, sessionId, shownSessionId);
        McpSessionProvider provider = providers.inSession(tenant, sessionId, providerId)
                .orElseThrow(() -> Failure.notFound(PROVIDER_ENTITY, shownProviderId));
        if (idempotencyKey != null) {
            Optional<McpProviderRun> earlier = runs.byIdempotencyKey(tenant, provider.id, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        McpProviderRun run = new McpProviderRun();
        run.stamp(tenant);
        run.sessionId = sessionId;
        run.sessionProviderId = provider.id;
        run.status = McpProviderRun.RUNNING;
        run.idempotencyKey = idempotencyKey;
        run.startedAt = run.createdAt;
        runs.persistAndFlush(run);
        return run;
    }

    /** Stops a run; stopping it again changes nothing. */
    @Transactional
    public Optional<McpProviderRun> stopRun(String tenant, UUID sessionId, UUID providerId, UUID runId) {
        return providers.inSession(tenant, sessionId, providerId)
                .flatMap(provider -> runs.inSessionProvider(tenant, provider.id, runId))
                .map(run -> {
                    if (McpProviderRun.RUNNING.equals(run.status)) {
                        Instant now = Instant.now();
                        run.status = McpProviderRun.STOPPED;
                        run.stoppedAt = now;
                        run.updatedAt = now;
                    }
                    return run;
                });
    }

    public Optional<McpSessionProvider> find(String tenant, UUID sessionId, UUID providerId) {
        return providers.inSession(tenant, sessionId, providerId);
    }
}
