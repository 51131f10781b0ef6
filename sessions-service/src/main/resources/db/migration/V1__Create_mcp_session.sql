-- MCP sessions: one AI client's conversation with its tool servers.
CREATE TABLE mcp_session (
    id          uuid        PRIMARY KEY,            -- UUIDv7, shown as ses_...; id order is creation order
    tenant_id   text        NOT NULL,
    status      text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
    metadata    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    ended_at    timestamptz,
    CHECK ((status = 'ended') = (ended_at IS NOT NULL))
);

-- Serves GET /sessions: the caller's tenant, keyset-paged by id in either order.
CREATE INDEX mcp_session_tenant_id_idx ON mcp_session (tenant_id, id);
