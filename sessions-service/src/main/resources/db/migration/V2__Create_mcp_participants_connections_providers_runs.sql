-- Who took part in MCP sessions: clients (from their initialize request) and providers (MCP servers).
-- One row per distinct (type, identifier, data) per tenant: the same client across many sessions
-- is one participant.
CREATE TABLE mcp_participant (
    id          uuid        PRIMARY KEY,            -- UUIDv7, shown as spt_...
    tenant_id   text        NOT NULL,
    type        text        NOT NULL CHECK (type IN ('mcp_client', 'provider', 'system', 'tool_call', 'unknown')),
    identifier  text        NOT NULL,
    name        text        NOT NULL,
    data        jsonb       NOT NULL,
    provider_id text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- The dedup key; jsonb text output is canonical (keys sorted, whitespace normalized), so equal data hashes equally.
CREATE UNIQUE INDEX mcp_participant_dedup_uq ON mcp_participant (tenant_id, type, identifier, md5(data::text));
-- Serves GET /session-participants (tenant, keyset by id in either order), and created_at ranges,
-- which are also id ranges because an id's UUIDv7 timestamp is its created_at.
CREATE INDEX mcp_participant_tenant_id_idx ON mcp_participant (tenant_id, id);
-- Serves the type filter with the id order.
CREATE INDEX mcp_participant_tenant_type_idx ON mcp_participant (tenant_id, type, id);
-- Serves updated_at ranges.
CREATE INDEX mcp_participant_tenant_updated_idx ON mcp_participant (tenant_id, updated_at);

-- An MCP client's connection to a session.
CREATE TABLE mcp_connection (
    id               uuid        PRIMARY KEY,       -- UUIDv7, shown as sco_...
    tenant_id        text        NOT NULL,
    session_id       uuid        NOT NULL REFERENCES mcp_session (id),
    participant_id   uuid        NOT NULL REFERENCES mcp_participant (id),
    transport        text        NOT NULL CHECK (transport IN ('streamable_http', 'sse', 'stdio', 'websocket')),
    client_name      text        NOT NULL,
    client_title     text,
    client_version   text,
    protocol_version text,
    state            text        NOT NULL CHECK (state IN ('connected', 'disconnected')),
    idempotency_key  text,
    connected_at     timestamptz NOT NULL,
    disconnected_at  timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CHECK ((state = 'disconnected') = (disconnected_at IS NOT NULL))
);

-- Serves the participants filter session_id: the participants of a session's connections. The
-- filter's outer query is scoped to the tenant, and a connection only ever points at a participant
-- of its own tenant, so these join indexes need not lead with tenant_id.
CREATE INDEX mcp_connection_session_idx ON mcp_connection (session_id, participant_id);
-- Serves ending a session (its open connections). The participants filter session_connection_id uses the primary key.
CREATE INDEX mcp_connection_open_idx ON mcp_connection (tenant_id, session_id) WHERE state = 'connected';
-- A retried open of the same connection returns the first one.
CREATE UNIQUE INDEX mcp_connection_idempotency_uq ON mcp_connection (tenant_id, session_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- A provider (MCP server) attached to a session: a server session.
CREATE TABLE mcp_session_provider (
    id              uuid        PRIMARY KEY,        -- UUIDv7, shown as spr_...
    tenant_id       text        NOT NULL,
    session_id      uuid        NOT NULL REFERENCES mcp_session (id),
    participant_id  uuid        NOT NULL REFERENCES mcp_participant (id),
    provider_id     text        NOT NULL,
    name            text        NOT NULL,
    idempotency_key text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- Serves the participants filter session_id: the participants of a session's providers.
CREATE INDEX mcp_session_provider_session_idx ON mcp_session_provider (session_id, participant_id);
CREATE UNIQUE INDEX mcp_session_provider_idempotency_uq ON mcp_session_provider (tenant_id, session_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- One run of a provider's server process within a server session.
CREATE TABLE mcp_provider_run (
    id                  uuid        PRIMARY KEY,    -- UUIDv7, shown as srr_...
    tenant_id           text        NOT NULL,
    session_id          uuid        NOT NULL REFERENCES mcp_session (id),
    session_provider_id uuid        NOT NULL REFERENCES mcp_session_provider (id),
    status              text        NOT NULL CHECK (status IN ('running', 'stopped')),
    idempotency_key     text,
    started_at          timestamptz NOT NULL,
    stopped_at          timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK ((status = 'stopped') = (stopped_at IS NOT NULL))
);

-- Serves a server session's runs and the internal lookup.
CREATE INDEX mcp_provider_run_provider_idx ON mcp_provider_run (tenant_id, session_provider_id, id);
-- Serves stopping every running run when a session ends.
CREATE INDEX mcp_provider_run_session_idx ON mcp_provider_run (tenant_id, session_id) WHERE status = 'running';
CREATE UNIQUE INDEX mcp_provider_run_idempotency_uq ON mcp_provider_run (tenant_id, session_provider_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- Sessions: a retried start returns the first session.
ALTER TABLE mcp_session ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX mcp_session_idempotency_uq ON mcp_session (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
