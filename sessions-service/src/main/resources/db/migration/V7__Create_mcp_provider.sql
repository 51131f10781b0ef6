-- Providers: the registry of upstream MCP servers the gateway forwards to, per tenant.
CREATE TABLE mcp_provider (
    id               uuid        PRIMARY KEY,       -- UUIDv7, shown as pro_...; id order is creation order
    tenant_id        text        NOT NULL,
    name             text        NOT NULL,
    upstream_url     text        NOT NULL,
    -- The upstream's own credentials: AES-GCM, a 12-byte nonce then ciphertext and tag, sealed
    -- for this tenant and id (associated data), so a value moved to another row does not open.
    upstream_headers bytea,
    recording_mode   text        NOT NULL DEFAULT 'best_effort' CHECK (recording_mode IN ('best_effort', 'audit')),
    idempotency_key  text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

-- Serves GET /providers: the caller's tenant, keyset-paged by id in either order.
CREATE INDEX mcp_provider_tenant_id_idx ON mcp_provider (tenant_id, id);
-- A retried registration with the same key returns the first provider.
CREATE UNIQUE INDEX mcp_provider_idempotency_uq ON mcp_provider (tenant_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
