-- Every MCP (JSON-RPC) message exchanged in a session.
CREATE TABLE session_message (
    id                uuid        PRIMARY KEY,      -- UUIDv7, shown as smg_...; id order is creation order
    tenant_id         text        NOT NULL,
    session_id        uuid        NOT NULL,         -- ses_... in sessions-service
    server_session_id uuid,                         -- spr_... in sessions-service
    provider_run_id   uuid,                         -- srr_... in sessions-service
    type              text        NOT NULL CHECK (type IN ('request', 'response', 'notification', 'error')),
    sender_type       text        NOT NULL CHECK (sender_type IN ('client', 'server')),
    sender_id         text        NOT NULL,
    method            text,
    payload           jsonb       NOT NULL,
    created_at        timestamptz NOT NULL
);

-- Serves GET /sessions/{session_id}/messages: one session of the caller's tenant, keyset-paged by id.
CREATE INDEX session_message_session_idx ON session_message (tenant_id, session_id, id);
