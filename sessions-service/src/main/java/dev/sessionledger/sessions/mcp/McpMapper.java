package dev.sessionledger.sessions.mcp;

import static dev.sessionledger.commons.ids.IdPrefix.CONNECTION;
import static dev.sessionledger.commons.ids.IdPrefix.PARTICIPANT;
import static dev.sessionledger.commons.ids.IdPrefix.PROVIDER_RUN;
import static dev.sessionledger.commons.ids.IdPrefix.SESSION;
import static dev.sessionledger.commons.ids.IdPrefix.SESSION_PROVIDER;

import dev.sessionledger.sessions.mcp.McpRows.ParticipantRow;
import dev.sessionledger.sessions.mcp.McpRows.SessionClientRow;
import dev.sessionledger.sessions.mcp.McpRows.SessionProviderRow;
import dev.sessionledger.sessions.mcp.McpRows.SessionRow;
import dev.sessionledger.sessions.mcp.McpRows.SessionUsage;
import dev.sessionledger.sessions.mcp.McpSessionService.SessionDetail;
import dev.sessionledger.sessions.mcp.McpViews.ClientView;
import dev.sessionledger.sessions.mcp.McpViews.ConnectionView;
import dev.sessionledger.sessions.mcp.McpViews.LookupView;
import dev.sessionledger.sessions.mcp.McpViews.ParticipantView;
import dev.sessionledger.sessions.mcp.McpViews.ProviderRunView;
import dev.sessionledger.sessions.mcp.McpViews.SessionClientView;
import dev.sessionledger.sessions.mcp.McpViews.SessionProviderSummaryView;
import dev.sessionledger.sessions.mcp.McpViews.SessionProviderView;
import dev.sessionledger.sessions.mcp.McpViews.SessionUsageView;
import dev.sessionledger.sessions.mcp.McpViews.SessionView;

/**
 * Maps stored MCP records and the services' answers to the objects the API shows: rows as the read
 * paths take them, and a write's entity by way of the same row.
 */
public final class McpMapper {

    private McpMapper() {
    }

    public static SessionView toView(SessionDetail detail) {
        SessionRow s = detail.session();
        return new SessionView(McpSession.ENTITY, SESSION.format(s.id()), s.status(),
                s.openConnections() > 0 ? "connected" : "disconnected", s.metadata(), s.createdAt(), s.updatedAt(),
                s.endedAt(), detail.clients().stream().map(McpMapper::toView).toList(),
                detail.providers().stream().map(McpMapper::toSummary).toList(), toView(detail.usage()));
    }

    private static SessionClientView toView(SessionClientRow c) {
        return new SessionClientView(PARTICIPANT.format(c.participantId()), c.clientName(), c.clientTitle(),
                c.clientVersion());
    }

    private static SessionProviderSummaryView toSummary(SessionProviderRow p) {
        return new SessionProviderSummaryView(SESSION_PROVIDER.format(p.id()), p.providerId(), p.name());
    }

    private static SessionUsageView toView(SessionUsage u) {
        return u == null ? null : new SessionUsageView(u.messageCount(), u.clientMessageCount(), u.serverMessageCount(),
                u.errorCount(), u.lastMessageAt());
    }

    public static ParticipantView toView(ParticipantRow p) {
        return new ParticipantView(McpParticipant.ENTITY, PARTICIPANT.format(p.id()), p.type(), p.identifier(),
                p.name(), p.data(), p.providerId(), p.createdAt());
    }

    public static ParticipantView toView(McpParticipant p) {
        return toView(ParticipantRow.of(p));
    }

    public static ConnectionView toView(McpConnectionService.Opened opened) {
        McpConnection c = opened.connection();
        return new ConnectionView(McpConnection.ENTITY, CONNECTION.format(c.id),
                SESSION.format(c.sessionId), PARTICIPANT.format(c.participantId), c.transport,
                new ClientView(c.clientName, c.clientTitle, c.clientVersion), c.protocolVersion, c.state,
                c.connectedAt, c.disconnectedAt, c.createdAt, c.updatedAt, toView(opened.participant()));
    }

    public static SessionProviderView toView(SessionProviderRow p) {
        return new SessionProviderView(McpSessionProvider.ENTITY, SESSION_PROVIDER.format(p.id()),
                SESSION.format(p.sessionId()), p.providerId(), PARTICIPANT.format(p.participantId()), p.name(),
                p.createdAt(), p.updatedAt());
    }

    public static SessionProviderView toView(McpSessionProvider p) {
        return toView(SessionProviderRow.of(p));
    }

    public static ProviderRunView toView(McpProviderRun r) {
        return new ProviderRunView(McpProviderRun.ENTITY, PROVIDER_RUN.format(r.id),
                SESSION.format(r.sessionId), SESSION_PROVIDER.format(r.sessionProviderId), r.status,
                r.startedAt, r.stoppedAt, r.createdAt, r.updatedAt);
    }

    public static LookupView toView(SessionLookupService.Found found) {
        return new LookupView(SESSION.format(found.sessionId()), found.status(),
                SESSION_PROVIDER.format(found.serverSessionId()), PROVIDER_RUN.format(found.providerRunId()));
    }
}
