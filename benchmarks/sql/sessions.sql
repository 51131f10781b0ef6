-- Seeds the sessions database (tenant demo) as the write APIs would have filled it:
--   MCP: 2 000 client and 200 provider participants (deduplicated per tenant, as connects and
--   attaches upsert them), 10 000 sessions, each with one client connection, one server session
--   and one provider run; the last 100 sessions are still active with their connection open.
--   RealtimeKit (app bench-app): 10 000 meeting sessions with 10 peers each (100 000), their peer
--   events (created, joining, leaving), and the derived figures the services keep on each session.
--   The app's session count (rtk_app_session_count) is kept by the V9 triggers, as for the service's
--   own inserts, and checked against the rows below before the seed commits.
\set ON_ERROR_STOP on
\i functions.sql
SET synchronous_commit = off;
BEGIN;

INSERT INTO mcp_participant (id, tenant_id, type, identifier, name, data, provider_id, created_at, updated_at)
SELECT bench.client_id(c), 'demo', 'mcp_client', 'client-' || c, 'Client ' || c,
       jsonb_build_object('identifier', 'client-' || c, 'name', 'Client ' || c, 'version', '1.' || c % 10 || '.0'),
       NULL, bench.at(bench.t0() - 1000000 + c), bench.at(bench.t0() - 1000000 + c)
FROM generate_series(1, 2000) c;

INSERT INTO mcp_participant (id, tenant_id, type, identifier, name, data, provider_id, created_at, updated_at)
SELECT bench.provider_participant_id(p), 'demo', 'provider', 'provider-' || p, 'Provider ' || p,
       jsonb_build_object('identifier', 'provider-' || p, 'name', 'Provider ' || p),
       'provider-' || p, bench.at(bench.t0() - 500000 + p), bench.at(bench.t0() - 500000 + p)
FROM generate_series(1, 200) p;

-- Sessions 1..9900 ended after 30 minutes; 9901..10000 are active with one open connection.
INSERT INTO mcp_session (id, tenant_id, status, metadata, created_at, updated_at, ended_at, open_connections)
SELECT bench.session_id(s), 'demo', CASE WHEN s <= 9900 THEN 'ended' ELSE 'active' END,
       jsonb_build_object('agent', 'agent-' || s % 50, 'environment', 'production'),
       bench.at(bench.t0() + s * 1000),
       bench.at(bench.t0() + s * 1000 + CASE WHEN s <= 9900 THEN 1800000 ELSE 30 END),
       CASE WHEN s <= 9900 THEN bench.at(bench.t0() + s * 1000 + 1800000) END,
       CASE WHEN s <= 9900 THEN 0 ELSE 1 END
FROM generate_series(1, 10000) s;

INSERT INTO mcp_connection (id, tenant_id, session_id, participant_id, transport, client_name, client_title,
        client_version, protocol_version, state, connected_at, disconnected_at, created_at, updated_at)
SELECT bench.connection_id(s), 'demo', bench.session_id(s), bench.client_id(c), 'streamable_http',
       'client-' || c, 'Client ' || c, '1.' || c % 10 || '.0', '2025-06-18',
       CASE WHEN s <= 9900 THEN 'disconnected' ELSE 'connected' END,
       bench.at(bench.t0() + s * 1000 + 10),
       CASE WHEN s <= 9900 THEN bench.at(bench.t0() + s * 1000 + 1800000) END,
       bench.at(bench.t0() + s * 1000 + 10),
       bench.at(bench.t0() + s * 1000 + CASE WHEN s <= 9900 THEN 1800000 ELSE 10 END)
FROM generate_series(1, 10000) s, LATERAL (SELECT (s - 1) % 2000 + 1 AS c) client;

INSERT INTO mcp_session_provider (id, tenant_id, session_id, participant_id, provider_id, name, created_at, updated_at)
SELECT bench.server_session_id(s), 'demo', bench.session_id(s), bench.provider_participant_id(p),
       'provider-' || p, 'Provider ' || p, bench.at(bench.t0() + s * 1000 + 20),
       bench.at(bench.t0() + s * 1000 + 20)
FROM generate_series(1, 10000) s, LATERAL (SELECT (s - 1) % 200 + 1 AS p) provider;

INSERT INTO mcp_provider_run (id, tenant_id, session_id, session_provider_id, status, started_at, stopped_at,
        created_at, updated_at)
SELECT bench.provider_run_id(s), 'demo', bench.session_id(s), bench.server_session_id(s),
       CASE WHEN s <= 9900 THEN 'stopped' ELSE 'running' END,
       bench.at(bench.t0() + s * 1000 + 30),
       CASE WHEN s <= 9900 THEN bench.at(bench.t0() + s * 1000 + 1800000) END,
       bench.at(bench.t0() + s * 1000 + 30),
       bench.at(bench.t0() + s * 1000 + CASE WHEN s <= 9900 THEN 1800000 ELSE 30 END)
FROM generate_series(1, 10000) s;

-- Meeting r starts at T0 + r minutes; sessions 1..9950 ended 90 minutes later, the last 50 are live.
INSERT INTO rtk_session (tenant_id, id, app_id, associated_id, meeting_display_name, type, status, meta,
        started_at, ended_at, created_at, updated_at)
SELECT 'demo', bench.meeting_id(r), 'bench-app', 'meeting-' || r % 2000, 'Weekly sync ' || r % 2000, 'meeting',
       CASE WHEN r <= 9950 THEN 'ENDED' ELSE 'LIVE' END, '{}'::jsonb,
       bench.at(bench.t0() + r * 60000),
       CASE WHEN r <= 9950 THEN bench.at(bench.t0() + r * 60000 + 5400000) END,
       bench.at(bench.t0() + r * 60000),
       bench.at(bench.t0() + r * 60000 + CASE WHEN r <= 9950 THEN 5400000 ELSE 0 END)
FROM generate_series(1, 10000) r;

-- Peer j joins j minutes after the start and stays 20 to 49 minutes; in live sessions peers 6..10
-- are still inside.
CREATE TEMP TABLE peer_seed AS
SELECT r, j, bench.at(bench.t0() + r * 60000 + j * 60000) AS joined_at,
       CASE WHEN r <= 9950 OR j <= 5
            THEN bench.at(bench.t0() + r * 60000 + j * 60000 + (20 + (r + j) % 30) * 60000) END AS left_at
FROM generate_series(1, 10000) r, generate_series(1, 10) j;

INSERT INTO rtk_participant (tenant_id, id, session_id, user_id, custom_participant_id, display_name, preset_name,
        joined_at, left_at, duration_minutes, created_at, updated_at)
SELECT 'demo', bench.peer_id(r, j), bench.meeting_id(r), 'user-' || (r * 7 + j) % 5000,
       'cp-' || (r * 7 + j) % 5000, 'Person ' || (r * 7 + j) % 5000, 'group_call_participant',
       joined_at, left_at, round(extract(epoch FROM left_at - joined_at) / 60, 2),
       joined_at, coalesce(left_at, joined_at)
FROM peer_seed ORDER BY r, j;

INSERT INTO rtk_peer_event (tenant_id, id, session_id, peer_id, event_name, preset_view_type, socket_session_id,
        minutes_consumed, created_at)
SELECT 'demo', bench.id7((extract(epoch FROM e.at) * 1000)::bigint, r * 1000 + j * 10 + e.n),
       bench.meeting_id(r), bench.peer_id(r, j), e.name, 'GROUP_CALL', 'socket-' || r || '-' || j,
       e.minutes, e.at
FROM peer_seed,
     LATERAL (VALUES (1, 'PEER_CREATED', joined_at, NULL::numeric),
                     (2, 'PEER_JOINING', joined_at, NULL::numeric),
                     (3, 'PEER_LEAVING', left_at, round(extract(epoch FROM left_at - joined_at) / 60, 2))) e(n, name, at, minutes)
WHERE e.at IS NOT NULL
ORDER BY r, j, e.n;

-- The figures RealtimeSessionRepository.recomputeFigures keeps, for every session at once.
WITH figures AS (
    SELECT tenant_id, session_id, count(*) AS total, count(*) FILTER (WHERE left_at IS NULL) AS live,
           coalesce(sum(duration_minutes), 0) AS minutes
    FROM rtk_participant GROUP BY tenant_id, session_id),
running AS (
    SELECT tenant_id, session_id,
           sum(delta) OVER (PARTITION BY tenant_id, session_id ORDER BY at, delta ROWS UNBOUNDED PRECEDING) AS n
    FROM (SELECT tenant_id, session_id, joined_at AS at, 1 AS delta FROM rtk_participant
          UNION ALL
          SELECT tenant_id, session_id, left_at, -1 FROM rtk_participant WHERE left_at IS NOT NULL) e),
peaks AS (SELECT tenant_id, session_id, max(n) AS peak FROM running GROUP BY tenant_id, session_id)
UPDATE rtk_session s
SET participant_count = f.total, live_participants = f.live, minutes_consumed = f.minutes,
    max_concurrent_participants = p.peak
FROM figures f JOIN peaks p USING (tenant_id, session_id)
WHERE s.tenant_id = f.tenant_id AND s.id = f.session_id;

-- The seed's sessions went in through the same triggers as the service's: the app's kept total is
-- its number of sessions, or the seed stops here.
DO $$
BEGIN
    IF (SELECT session_count FROM rtk_app_session_count WHERE tenant_id = 'demo' AND app_id = 'bench-app')
       IS DISTINCT FROM (SELECT count(*) FROM rtk_session WHERE tenant_id = 'demo' AND app_id = 'bench-app') THEN
        RAISE EXCEPTION 'the kept session count of bench-app differs from its sessions';
    END IF;
END
$$;

COMMIT;
VACUUM ANALYZE;
