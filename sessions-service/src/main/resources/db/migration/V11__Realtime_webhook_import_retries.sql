-- A delivery whose file could not be read is read again in the background while its download URL
-- lives (RealtimeKit's deliveries say until when), a few times at most.
ALTER TABLE rtk_webhook_delivery ADD COLUMN download_url text;
ALTER TABLE rtk_webhook_delivery ADD COLUMN download_expires_at timestamptz;
ALTER TABLE rtk_webhook_delivery ADD COLUMN attempts integer NOT NULL DEFAULT 1 CHECK (attempts >= 1);

-- The retry pass, over every tenant (as the idle gateway session sweep): the failed imports, oldest first.
CREATE INDEX rtk_webhook_delivery_failed_idx ON rtk_webhook_delivery (received_at) WHERE outcome = 'import_failed';
