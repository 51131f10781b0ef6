package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One run of a provider's server process within a server session. */
@Entity
@Table(name = "mcp_provider_run")
public class McpProviderRun extends McpRecord {

    /** What the API calls this object: its views' {@code object} and the entity its not-found errors name. */
    public static final String ENTITY = "session.provider_run";

    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "session_provider_id", nullable = false)
    public UUID sessionProviderId;

    @Column(nullable = false)
    public String status;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;
}
