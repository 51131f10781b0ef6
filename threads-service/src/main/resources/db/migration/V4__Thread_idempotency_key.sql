-- POST /api/threads takes an Idempotency-Key: a retry of a create whose answer was lost finds the
-- thread the first attempt made instead of making a second one.
ALTER TABLE thread ADD COLUMN idempotency_key text CHECK (char_length(idempotency_key) <= 200);
-- Serves the look-up of a retried create, and refuses a second thread under one key.
CREATE UNIQUE INDEX thread_idempotency_uq ON thread (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
