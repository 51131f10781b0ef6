package dev.sessionledger.messages.message;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * The totals of one session's stored messages. Only the database writes them (the triggers of V3),
 * so the service maps the table to read it and never changes a row.
 */
@Entity
@Immutable
@IdClass(SessionMessageTotal.Key.class)
@Table(name = "session_message_total")
public class SessionMessageTotal {

    /** The primary key: a session of a tenant. */
    public record Key(String tenantId, UUID sessionId) implements Serializable {
    }

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "message_count", nullable = false)
    public long messageCount;

    @Column(name = "client_message_count", nullable = false)
    public long clientMessageCount;

    @Column(name = "server_message_count", nullable = false)
    public long serverMessageCount;

    @Column(name = "error_count", nullable = false)
    public long errorCount;

    @Column(name = "first_message_at", nullable = false)
    public Instant firstMessageAt;

    @Column(name = "last_message_at", nullable = false)
    public Instant lastMessageAt;
}
