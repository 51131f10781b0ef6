package dev.sessionledger.sessions.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.sessions.mcp.McpConnectionService;
import dev.sessionledger.sessions.mcp.McpProviderRun;
import dev.sessionledger.sessions.mcp.McpProviderService;
import dev.sessionledger.sessions.mcp.McpRequests;
import dev.sessionledger.sessions.mcp.McpSession;
import dev.sessionledger.sessions.mcp.McpSessionProvider;
import dev.sessionledger.sessions.mcp.McpSessionService;
import dev.sessionledger.sessions.provider.Provider;
import dev.sessionledger.sessions.provider.ProviderService;

/**
 * Opens, touches and ends the sessions mcp-gateway serves, within the caller's tenant. Opening is
 * one transaction: the session, the client's connection (its participant), the server session (the
 * provider's participant), a run and this record exist together or not at all.
 */
@ApplicationScoped
public class GatewaySessionService {

    /** What the gateway's sessions are stamped with, so a reader sees where they came from. */
    static final String PROVIDER_METADATA = "gateway_provider_id";

    @Inject
    GatewaySessionRepository gatewaySessions;

    @Inject
    ProviderService providers;

    @Inject
    McpSessionService sessions;

    @Inject
    McpConnectionService connections;

    @Inject
    McpProviderService serverSessions;

    @Inject
    Clock clock;

    @Transactional
    public GatewaySession open(String tenant, GatewaySessionRequests.Open request) {
        UUID providerId = IdPrefix.PROVIDER.existing(request.providerId(), Provider.ENTITY);
        Provider provider = providers.get(tenant, providerId);
        String pro = IdPrefix.PROVIDER.format(provider.id);
        McpSession session = sessions.create(tenant, Map.of(PROVIDER_METADATA, pro), null);
        McpConnectionService.Opened connection = connections.open(tenant, session.id,
                new McpRequests.OpenConnection("streamable_http", request.initialize()), null);
        McpSessionProvider serverSession = serverSessions.attach(tenant, session.id,
                new McpRequests.AttachProvider(pro, provider.name), null);
        McpProviderRun run = serverSessions.startRun(tenant, session.id, serverSession.id, null);

        GatewaySession opened = new GatewaySession();
        opened.sessionId = session.id;
        opened.tenantId = tenant;
        opened.providerId = provider.id;
        opened.connectionId = connection.connection().id;
        opened.clientParticipantId = connection.participant().id;
        opened.serverSessionId = serverSession.id;
        opened.serverParticipantId = serverSession.participantId;
        opened.providerRunId = run.id;
        opened.recordingMode = provider.recordingMode;
        opened.idleTimeoutSeconds = request.idleTimeoutSeconds();
        opened.createdAt = session.createdAt;
        opened.updatedAt = session.createdAt;
        opened.idleDeadline = session.createdAt.plusSeconds(opened.idleTimeoutSeconds);
        gatewaySessions.persistAndFlush(opened);
        return opened;
    }

    public GatewaySession get(String tenant, UUID sessionId) {
        return gatewaySessions.findInTenant(tenant, sessionId).orElseThrow(() -> notFound(sessionId));
    }

    /**
     * Traffic passed: an open session's idle deadline moves on and the upstream's session id, when
     * given, is kept. An ended session is answered as it is, so the gateway stops serving it.
     */
    @Transactional
    public GatewaySession touch(String tenant, UUID sessionId, GatewaySessionRequests.Activity activity) {
        GatewaySession session = gatewaySessions.findInTenantForUpdate(tenant, sessionId)
                .orElseThrow(() -> notFound(sessionId));
        if (!session.ended() && McpSession.ENDED.equals(sessions.get(tenant, sessionId).status)) {
            // Ended through the public API: the gateway stops serving it too.
            close(session);
        }
        if (!session.ended()) {
            Instant now = clock.instant();
            if (activity != null && activity.upstreamSessionId() != null) {
                session.upstreamSessionId = activity.upstreamSessionId();
            }
            session.idleDeadline = now.plusSeconds(session.idleTimeoutSeconds);
            session.updatedAt = now;
        }
        return session;
    }

    /** Ends the session: its connection disconnects and its run stops. Ending it again changes nothing. */
    @Transactional
    public GatewaySession end(String tenant, UUID sessionId) {
        GatewaySession session = gatewaySessions.findInTenantForUpdate(tenant, sessionId)
                .orElseThrow(() -> notFound(sessionId));
        close(session);
        return session;
    }

    /** Ends up to {@code limit} sessions idle past their deadline, in one transaction; how many it ended. */
    @Transactional
    public int endIdle(int limit) {
        List<GatewaySession> idle = gatewaySessions.idleBefore(clock.instant(), limit);
        idle.forEach(this::close);
        return idle.size();
    }

    private void close(GatewaySession session) {
        if (!session.ended()) {
            McpSession ended = sessions.end(session.tenantId, session.sessionId);
            session.endedAt = ended.endedAt;
            session.updatedAt = ended.endedAt;
        }
    }

    private static Failure notFound(UUID sessionId) {
        return Failure.notFound(GatewaySession.ENTITY, IdPrefix.SESSION.format(sessionId));
    }
}
