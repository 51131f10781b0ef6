-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /accounts/demo/realtime/kit/bench-app/sessions/{id}; a live session (r > 9950) also reads
-- the join times of the peers still inside
\set r random(1, 10000)
select id, app_id, associated_id, meeting_display_name, type, status, meta, started_at, ended_at, created_at, updated_at, live_participants, max_concurrent_participants, minutes_consumed from rtk_session where tenant_id = :tenant and app_id = :app and id = bench.meeting_id(:r);
\if :r > 9950
select session_id, joined_at from rtk_participant where tenant_id = :tenant and session_id = bench.meeting_id(:r) and left_at is null;
\endif
