package dev.sessionledger.sessions.realtime.recording;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Writes chat messages and transcript segments: each batch is one INSERT over bound arrays,
 * and an id seen before is skipped, so a retried batch stores nothing twice. Rows go in in id
 * order: two batches sharing ids then wait for each other at their first shared id, never each
 * for an id the other took first in another order (a deadlock).
 */
@ApplicationScoped
public class RecordingRepository {

    private static final String INSERT_CHAT = """
            INSERT INTO rtk_chat_message (tenant_id, id, session_id, peer_id, payload_type, payload, pinned,
                                          is_edited, created_at)
            SELECT ?, u.id::uuid, ?, u.peer::uuid, u.kind, u.payload, u.pinned, u.edited, u.at::timestamptz
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::text[])
                   AS u(id, peer, kind, payload, pinned, edited, at)
             ORDER BY u.id
            ON CONFLICT (tenant_id, id) DO NOTHING
            """;

    private static final String INSERT_SEGMENTS = """
            INSERT INTO rtk_transcript_segment (tenant_id, id, session_id, peer_id, start_ms, end_ms, text)
            SELECT ?, u.id::uuid, ?, u.peer::uuid, u.start_ms, u.end_ms, u.text
              FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[])
                   AS u(id, peer, start_ms, end_ms, text)
             ORDER BY u.id
            ON CONFLICT (tenant_id, id) DO NOTHING
            """;

    @Inject
    EntityManager em;

    /** A checked chat message ready to store. */
    public record ChatRow(UUID id, UUID peerId, String payloadType, String payload, boolean pinned, boolean edited,
            Instant createdAt) {
    }

    /** A checked transcript segment ready to store. */
    public record SegmentRow(UUID id, UUID peerId, long startMs, long endMs, String text) {
    }

    /** @return how many messages were new */
    public int insertChat(String tenant, UUID sessionId, List<ChatRow> rows) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CHAT)) {
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                ps.setArray(3, texts(c, rows.stream().map(r -> r.id().toString())));
                ps.setArray(4, texts(c, rows.stream().map(r -> r.peerId().toString())));
                ps.setArray(5, texts(c, rows.stream().map(ChatRow::payloadType)));
                ps.setArray(6, texts(c, rows.stream().map(ChatRow::payload)));
                ps.setArray(7, c.createArrayOf("bool", rows.stream().map(ChatRow::pinned).toArray()));
                ps.setArray(8, c.createArrayOf("bool", rows.stream().map(ChatRow::edited).toArray()));
                ps.setArray(9, texts(c, rows.stream().map(r -> r.createdAt().toString())));
                return ps.executeUpdate();
            }
        });
    }

    /** @return how many segments were new */
    public int insertSegments(String tenant, UUID sessionId, List<SegmentRow> rows) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_SEGMENTS)) {
                ps.setString(1, tenant);
                ps.setObject(2, sessionId);
                ps.setArray(3, texts(c, rows.stream().map(r -> r.id().toString())));
                ps.setArray(4, texts(c, rows.stream().map(r -> r.peerId().toString())));
                ps.setArray(5, c.createArrayOf("int8", rows.stream().map(SegmentRow::startMs).toArray()));
                ps.setArray(6, c.createArrayOf("int8", rows.stream().map(SegmentRow::endMs).toArray()));
                ps.setArray(7, texts(c, rows.stream().map(SegmentRow::text)));
                return ps.executeUpdate();
            }
        });
    }

    private static java.sql.Array texts(Connection c, java.util.stream.Stream<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }
}
