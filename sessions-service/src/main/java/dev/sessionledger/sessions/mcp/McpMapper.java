package dev.sessionledger.sessions.mcp;

import static dev.sessionledger.sessions.mcp.McpIds.format;

import dev.sessionledger.sessions.mcp.McpViews.ClientView;
import dev.sessionledger.sessions.mcp.McpViews.ConnectionView;
import dev.sessionledger.sessions.mcp.McpViews.ParticipantView;
import dev.sessionledger.sessions.mcp.McpViews.ProviderRunView;
import dev.sessionledger.sessions.mcp.McpViews.SessionProviderView;
import dev.sessionledger.sessions.mcp.McpViews.SessionView;

/** Maps stored MCP records to the objects the API shows. */
public final class McpMapper {

    private McpMapper() {
    }

    public static SessionView toView(McpSession s) {
        return new SessionView("session", format(McpIds.SESSION, s.id), s.status,
                s.openConnections > 0 ? "connected" : "disconnected", s.metadata, s.createdAt, s.updatedAt, s.endedAt);
    }

    public static ParticipantView toView(McpParticipant p) {
        return new ParticipantView("session.participant", format(McpIds.PARTICIPANT, p.id), p.type, p.identifier,
                p.name, p.data, p.providerId, p.createdAt);
    }

    public static ConnectionView toView(McpConnection c, McpParticipant participant) {
        return new ConnectionView("session.connection", format(McpIds.CONNECTION, c.id),
                format(McpIds.SESSION, c.sessionId), format(McpIds.PARTICIPANT, c.participantId), c.transport,
                new ClientView(c.clientName, c.clientTitle, c.clientVersion), c.protocolVersion, c.state,
                c.connectedAt, c.disconnectedAt, c.createdAt, c.updatedAt, toView(participant));
    }

    public static SessionProviderView toView(McpSessionProvider p) {
        return new SessionProviderView("session.provider", format(McpIds.SESSION_PROVIDER, p.id),
                format(McpIds.SESSION, p.sessionId), p.providerId, format(McpIds.PARTICIPANT, p.participantId), p.name,
                p.createdAt, p.updatedAt);
    }

    public static ProviderRunView toView(McpProviderRun r) {
        return new ProviderRunView("session.provider_run", format(McpIds.PROVIDER_RUN, r.id),
                format(McpIds.SESSION, r.sessionId), format(McpIds.SESSION_PROVIDER, r.sessionProviderId), r.status,
                r.startedAt, r.stoppedAt, r.createdAt, r.updatedAt);
    }
}
