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

/** Opens and closes MCP client connections; each connection makes its client a participant. */
@ApplicationScoped
public class McpConnectionService {

    /** A connection and the participant it is. */
    public record Opened(McpConnection connection, McpParticipant participant) {
    }

    @Inject
    McpSessionService sessions;

    @Inject
    McpRepositories.Connections connections;

    @Inject
    McpParticipantService participants;

    @Inject
    Clock clock;

    /**
     * Opens a connection from the client's {@code initialize} request, upserting its participant. A
     * retry with the same idempotency key returns the first connection.
     */
    @Transactional
    public Opened open(String tenant, UUID sessionId, McpRequests.OpenConnection request, String idempotencyKey) {
        McpSession session = sessions.requireActive(tenant, sessionId);
        if (idempotencyKey != null) {
            Optional<McpConnection> earlier = connections.byIdempotencyKey(tenant, sessionId, idempotencyKey);
            if (earlier.isPresent()) {
                return opened(tenant, earlier.get());
            }
        }
        McpRequests.ClientInfo client = request.initialize().params().clientInfo();
        McpParticipant participant = participants.upsertClient(tenant, client);
        McpConnection connection = new McpConnection();
        connection.stamp(tenant);
        connection.sessionId = sessionId;
        connection.participantId = participant.id;
        connection.transport = request.transportOrDefault();
        connection.clientName = client.name();
        connection.clientTitle = client.title();
        connection.clientVersion = client.version();
        connection.protocolVersion = request.initialize().params().protocolVersion();
        connection.state = McpConnection.CONNECTED;
        connection.idempotencyKey = idempotencyKey;
        connection.connectedAt = connection.createdAt;
        connections.persistAndFlush(connection);
        session.openConnections++;
        return new Opened(connection, participant);
    }

    /** Disconnects a connection; disconnecting it again changes nothing. */
    @Transactional
    public Opened disconnect(String tenant, UUID sessionId, UUID connectionId) {
        McpSession session = sessions.lock(tenant, sessionId).orElseThrow(() -> notFound(connectionId));
        McpConnection connection = connections.inSession(tenant, sessionId, connectionId)
                .orElseThrow(() -> notFound(connectionId));
        if (McpConnection.CONNECTED.equals(connection.state)) {
            session.openConnections--;
            Instant now = clock.instant();
            connection.state = McpConnection.DISCONNECTED;
            connection.disconnectedAt = now;
            connection.updatedAt = now;
        }
        return opened(tenant, connection);
    }

    private Opened opened(String tenant, McpConnection connection) {
        return new Opened(connection, participants.require(tenant, connection.participantId));
    }

    private static Failure notFound(UUID connectionId) {
        return Failure.notFound(McpConnection.ENTITY, IdPrefix.CONNECTION.format(connectionId));
    }
}
