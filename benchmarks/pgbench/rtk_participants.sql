-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /accounts/demo/realtime/kit/bench-app/sessions/{id}/participants (first page, per_page 20)
\set r random(1, 10000)
\set zero 0
\set perpage 20
SELECT 1 FROM rtk_session rs1_0 WHERE rs1_0.tenant_id=:tenant AND rs1_0.app_id=:app AND rs1_0.id=bench.meeting_id(:r);
SELECT rp1_0.id,rp1_0.session_id,rp1_0.user_id,rp1_0.custom_participant_id,rp1_0.display_name,rp1_0.preset_name,rp1_0.joined_at,rp1_0.left_at,rp1_0.duration_minutes,rp1_0.created_at,rp1_0.updated_at FROM rtk_participant rp1_0 WHERE rp1_0.tenant_id=:tenant AND rp1_0.session_id=bench.meeting_id(:r) ORDER BY rp1_0.joined_at,rp1_0.id OFFSET :zero ROWS FETCH FIRST :perpage ROWS ONLY;
