package dev.sessionledger.sessions.realtime.recording;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Streams a session's chat and transcript in time order through a server-side cursor (a fetch
 * size on a non-autocommit connection), so no download or summary holds a whole session in memory.
 */
@ApplicationScoped
public class RecordingReader {

    static final int FETCH_SIZE = 500;

    /** A session's chat in time order, read from {@code rtk_chat_message_session_idx}. */
    static final String CHAT = """
            SELECT m.id, m.peer_id, m.session_id, s.associated_id, p.display_name, m.pinned, m.is_edited,
                   m.payload_type, m.payload, m.created_at
              FROM rtk_chat_message m
              JOIN rtk_participant p ON p.tenant_id = m.tenant_id AND p.id = m.peer_id
              JOIN rtk_session s ON s.tenant_id = m.tenant_id AND s.id = m.session_id
             WHERE m.tenant_id = ? AND m.session_id = ?
             ORDER BY m.created_at, m.id
            """;

    /** A session's transcript in time order, read from {@code rtk_transcript_segment_session_idx}. */
    static final String TRANSCRIPT = """
            SELECT t.start_ms, t.end_ms, t.peer_id, p.user_id, p.custom_participant_id, p.display_name,
                   p.joined_at, p.left_at, t.text
              FROM rtk_transcript_segment t
              JOIN rtk_participant p ON p.tenant_id = t.tenant_id AND p.id = t.peer_id
             WHERE t.tenant_id = ? AND t.session_id = ?
             ORDER BY t.start_ms, t.id
            """;

    @Inject
    DataSource dataSource;

    /** One chat message as downloaded. */
    public record ChatLine(UUID id, UUID participantId, UUID sessionId, String meetingId, String displayName,
            boolean pinned, boolean edited, String payloadType, String payload, Instant createdAt) {
    }

    /** One transcript segment with its speaker. */
    public record TranscriptLine(long startMs, long endMs, UUID peerId, String userId, String customParticipantId,
            String name, Instant joinedAt, Instant leftAt, String text) {
    }

    /** Receives rows one at a time; may fail with an I/O error while writing them out. */
    @FunctionalInterface
    public interface RowSink<T> {
        void accept(T row) throws java.io.IOException;
    }

    public void chat(String tenant, UUID sessionId, RowSink<ChatLine> sink) throws java.io.IOException {
        stream(CHAT, tenant, sessionId, rs -> sink.accept(new ChatLine(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getBoolean(7), rs.getString(8), rs.getString(9), instant(rs, 10))));
    }

    public void transcript(String tenant, UUID sessionId, RowSink<TranscriptLine> sink) throws java.io.IOException {
        stream(TRANSCRIPT, tenant, sessionId, rs -> sink.accept(new TranscriptLine(rs.getLong(1), rs.getLong(2),
                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7),
                instant(rs, 8), rs.getString(9))));
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException, java.io.IOException;
    }

    private void stream(String sql, String tenant, UUID sessionId, RowHandler handler) throws java.io.IOException {
        try (Connection c = dataSource.getConnection()) {
            // Inside a JTA transaction the connection is already non-autocommit and the transaction owns it.
            boolean own = c.getAutoCommit();
            if (own) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.handle(rs);
                    }
                }
            } finally {
                if (own) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the session's recordings failed", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
