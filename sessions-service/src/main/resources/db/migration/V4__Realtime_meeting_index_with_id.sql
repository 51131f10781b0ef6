-- GET /sessions?associated_id=... sorted by createdAt: with id as the last key the index gives the
-- list's full order (created_at, id), so no sort step follows the scan.
DROP INDEX rtk_session_app_meeting_idx;
CREATE INDEX rtk_session_app_meeting_idx ON rtk_session (tenant_id, app_id, associated_id, created_at, id);
