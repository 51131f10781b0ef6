-- The MCP sessions mcp-gateway serves: the ledger records their messages are written under, the
-- upstream server's own session id, and when a session without traffic ends. Kept here, not in a
-- gateway replica's memory, so that any replica serves any request of a session.
CREATE TABLE mcp_gateway_session (
    session_id            uuid        PRIMARY KEY REFERENCES mcp_session (id) ON DELETE CASCADE,
    tenant_id             text        NOT NULL,
    provider_id           uuid        NOT NULL,   -- the registry's provider (pro_...); the session outlives its removal
    connection_id         uuid        NOT NULL,
    client_participant_id uuid        NOT NULL,
    server_session_id     uuid        NOT NULL,
    server_participant_id uuid        NOT NULL,
    provider_run_id       uuid        NOT NULL,
    recording_mode        text        NOT NULL CHECK (recording_mode IN ('best_effort', 'audit')),
    upstream_session_id   text        CHECK (length(upstream_session_id) <= 1024),
    idle_timeout_seconds  integer     NOT NULL CHECK (idle_timeout_seconds BETWEEN 1 AND 604800),
    idle_deadline         timestamptz NOT NULL,
    ended_at              timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);

-- Serves the idle sweep: the open sessions whose deadline has passed, oldest first.
CREATE INDEX mcp_gateway_session_idle_idx ON mcp_gateway_session (idle_deadline) WHERE ended_at IS NULL;
