-- What ingestion needs: who sent a message, the client's retry key, and the JSON-RPC id that
-- pairs a response with its request.
ALTER TABLE session_message
    ADD COLUMN participant_id  uuid,            -- spt_... in sessions-service, when the sender is known as one
    ADD COLUMN idempotency_key text CHECK (char_length(idempotency_key) <= 255),
    ADD COLUMN jsonrpc_id      text;            -- the payload's "id" as JSON text, so 1 and "1" stay apart

-- A retried batch finds the messages it already stored: one message per key and session.
CREATE UNIQUE INDEX session_message_idempotency_idx
    ON session_message (tenant_id, session_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- Serves the list filter type=..., keyset-paged by id.
CREATE INDEX session_message_type_idx ON session_message (tenant_id, session_id, type, id);

-- Serves the list filter session_provider_id=..., keyset-paged by id.
CREATE INDEX session_message_server_session_idx
    ON session_message (tenant_id, session_id, server_session_id, id);

-- Serves the list filter provider_run_id=..., keyset-paged by id.
CREATE INDEX session_message_provider_run_idx
    ON session_message (tenant_id, session_id, provider_run_id, id);

-- Serves the lookup of the request a response answers: the latest request with that JSON-RPC id
-- from the other side of the same server session.
CREATE INDEX session_message_request_idx
    ON session_message (tenant_id, session_id, server_session_id, sender_type, jsonrpc_id, id)
    WHERE type = 'request';
