package dev.sessionledger.threads.thread;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A thread as stored: where users, agents and swarms of agents talk. */
@Entity
@Table(name = "thread")
public class ChatThread {

    public static final int MAX_TITLE = 500;

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> metadata;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The client's key for retries of the create that made this thread, if it sent one. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;
}
