-- RealtimeKit webhooks: the receivers an administrator registers with RealtimeKit, and every
-- delivery they accepted. A delivery's facts are kept in typed columns; a meeting's sessions,
-- peers and peer events are rebuilt from the facts of all its deliveries, so that deliveries
-- arriving late, twice or out of order leave the state in-order delivery leaves.

-- A receiver: /webhooks/realtimekit/{id} takes deliveries for one tenant and app. The id is random
-- (122 bits): it is the receiver's address, found without a tenant, so it is unique on its own too.
CREATE TABLE rtk_webhook_endpoint (
    tenant_id  text        NOT NULL,
    id         uuid        NOT NULL,
    app_id     text        NOT NULL,
    name       text,
    public_key text,                    -- PEM; null: the key the service is configured with
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (id)
);

-- GET .../webhook-endpoints: an app's receivers, oldest first.
CREATE INDEX rtk_webhook_endpoint_app_idx ON rtk_webhook_endpoint (tenant_id, app_id, created_at, id);

CREATE TABLE rtk_webhook_delivery (
    tenant_id             text        NOT NULL,
    id                    uuid        NOT NULL,
    app_id                text        NOT NULL,
    endpoint_id           uuid        NOT NULL,
    delivery_uuid         text        NOT NULL,   -- the rtk-uuid header
    body_sha256           text        NOT NULL,   -- a retry may carry a new uuid with the same body
    event                 text        NOT NULL,
    session_id            uuid        NOT NULL,   -- meeting.sessionId
    meeting_id            text,
    title                 text,
    started_at            timestamptz,
    ended_at              timestamptz,
    peer_id               uuid,                   -- participant.peerId of joins and leaves
    display_name          text,
    custom_participant_id text,
    user_id               text,
    joined_at             timestamptz,
    left_at               timestamptz,
    detail                jsonb,                  -- the end's reason, a recording's or livestream's status
    outcome               text        NOT NULL CHECK (outcome IN ('applied', 'import_failed')),
    import_error          text,
    received_at           timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    -- A copy of a delivery is about the same session: it is found among the session's deliveries,
    -- whose facts the rebuild of the session reads through the first of these.
    CONSTRAINT rtk_webhook_delivery_uuid_key UNIQUE (tenant_id, session_id, delivery_uuid),
    CONSTRAINT rtk_webhook_delivery_body_key UNIQUE (tenant_id, session_id, body_sha256)
);

-- A summary imported from RealtimeKit is its text, kept as written; a generated one its highlights.
ALTER TABLE rtk_summary ADD COLUMN text text;
