package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.sessionledger.commons.metorial.KeysetRow;

/**
 * MCP records as the read paths take them from their tables: each component named as the entity
 * attribute it is read from ({@link dev.sessionledger.commons.persistence.RowSelect}). A write's
 * entity becomes the same row, so each object has one mapping to what the API shows.
 */
public final class McpRows {

    private McpRows() {
    }

    /** An MCP session. */
    public record SessionRow(UUID id, String status, Map<String, Object> metadata, int openConnections,
            Instant createdAt, Instant updatedAt, Instant endedAt) implements KeysetRow {

        static SessionRow of(McpSession s) {
            return new SessionRow(s.id, s.status, s.metadata, s.openConnections, s.createdAt, s.updatedAt, s.endedAt);
        }
    }

    /** The client of one connection of a session, as its initialize request named it. */
    public record SessionClientRow(UUID id, UUID sessionId, UUID participantId, String clientName, String clientTitle,
            String clientVersion) {
    }

    /** How many messages a session holds as messages-service counts them, and when the last was sent. */
    public record SessionUsage(long messageCount, long clientMessageCount, long serverMessageCount, long errorCount,
            Instant lastMessageAt) {

        /** A session with no message recorded. */
        public static final SessionUsage NONE = new SessionUsage(0, 0, 0, 0, null);
    }

    /** A session participant. */
    public record ParticipantRow(UUID id, String type, String identifier, String name, String data, String providerId,
            Instant createdAt) implements KeysetRow {

        static ParticipantRow of(McpParticipant p) {
            return new ParticipantRow(p.id, p.type, p.identifier, p.name, p.data, p.providerId, p.createdAt);
        }
    }

    /** A server session: a provider attached to a session. */
    public record SessionProviderRow(UUID id, UUID sessionId, String providerId, UUID participantId, String name,
            Instant createdAt, Instant updatedAt) {

        static SessionProviderRow of(McpSessionProvider p) {
            return new SessionProviderRow(p.id, p.sessionId, p.providerId, p.participantId, p.name, p.createdAt,
                    p.updatedAt);
        }
    }
}
