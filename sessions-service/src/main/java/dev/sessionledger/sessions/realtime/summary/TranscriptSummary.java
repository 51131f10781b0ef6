package dev.sessionledger.sessions.realtime.summary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The latest summary generated for a session: its key sentences in transcript order. */
@Entity
@Table(name = "rtk_summary")
@IdClass(TranscriptSummary.Key.class)
public class TranscriptSummary {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    /** Which summarizer wrote it. */
    @Column(nullable = false)
    public String generator;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Highlight> highlights;

    /** A summary imported from RealtimeKit, as it was written; null for a generated one, which has highlights. */
    @Column(name = "text")
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** One summary per session, and session ids are unique within a tenant only. */
    public record Key(String tenantId, UUID sessionId) implements Serializable {
    }

    /** One key sentence and who said it when. */
    public record Highlight(String speaker, long startMs, String text) {
    }
}
