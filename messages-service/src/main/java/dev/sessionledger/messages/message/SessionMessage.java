package dev.sessionledger.messages.message;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded MCP message as stored, with its JSON-RPC payload. */
@Entity
@Table(name = "session_message")
public class SessionMessage {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "server_session_id")
    public UUID serverSessionId;

    @Column(name = "provider_run_id")
    public UUID providerRunId;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(nullable = false)
    public String type;

    @Column(name = "sender_type", nullable = false)
    public String senderType;

    @Column(name = "sender_id", nullable = false)
    public String senderId;

    public String method;

    /** The JSON-RPC message as received; jsonb keeps every value, though not key order or spacing. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The sender's retry key: a second message with the same key in the session is the same message. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** The payload's JSON-RPC id as JSON text, which pairs a response with its request. */
    @Column(name = "jsonrpc_id")
    public String jsonrpcId;
}
