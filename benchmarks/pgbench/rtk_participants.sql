-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /accounts/demo/realtime/kit/bench-app/sessions/{id}/participants (first page, per_page 20)
\set r random(1, 10000)
\set zero 0
\set perpage 20
select 1 from rtk_session where tenant_id = :tenant and app_id = :app and id = bench.meeting_id(:r);
select id, session_id, user_id, custom_participant_id, display_name, preset_name, joined_at, left_at, duration_minutes, created_at, updated_at from rtk_participant where tenant_id = :tenant and session_id = bench.meeting_id(:r) order by joined_at asc, id asc offset :zero limit :perpage;
