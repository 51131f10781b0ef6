package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


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

    /**
     * Opens a connection from the client's {@code initialize} request, upserting its participant. A
     * retry with the same idempotency key returns the first connection.
     */
    @Transactional
    public Opened open(String tenant, UUID sessionId, String shownSessionId, McpRequests.OpenConnection request,
            String idempotencyKey) {
        McpSession session = sessions.requireActive(tenant, sessionId, shownSessionId);
        if (idempotencyKey != null) {
            Optional<McpConnection> earlier = connections.byIdempotencyKey(tenant, sessionId, idempotencyKey);
            if (earlier.isPresent()) {
                return new Opened(earlier.get(), participants.require(tenant, earlier.get().participantId));
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
    public Optional<Opened> disconnect(String tenant, UUID sessionId, UUID connectionId) {
        Optional<McpSession> session = sessions.lock(tenant, sessionId);
        return session.flatMap(s -> connections.inSession(tenant, sessionId, connectionId)).map(connection -> {
            if (McpConnection.CONNECTED.equals(connection.state)) {
                session.get().openConnections--;
                Instant now = Instant.now();
                connection.state = McpConnection.DISCONNECTED;
                connection.disconnectedAt = now;
                connection.updatedAt = now;
            }
            return new Opened(connection, participants.require(tenant, connection.participantId));
        });
    }
}
