-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /accounts/demo/realtime/kit/bench-app/sessions/{id}; a live session (r > 9950) also reads
-- the join times of the peers still inside
\set r random(1, 10000)
SELECT rs1_0.id,rs1_0.app_id,rs1_0.associated_id,rs1_0.meeting_display_name,rs1_0.type,rs1_0.status,rs1_0.meta,rs1_0.started_at,rs1_0.ended_at,rs1_0.created_at,rs1_0.updated_at,rs1_0.live_participants,rs1_0.max_concurrent_participants,rs1_0.minutes_consumed FROM rtk_session rs1_0 WHERE rs1_0.tenant_id=:tenant AND rs1_0.app_id=:app AND rs1_0.id=bench.meeting_id(:r);
\if :r > 9950
SELECT rp1_0.session_id,rp1_0.joined_at FROM rtk_participant rp1_0 WHERE rp1_0.tenant_id=:tenant AND rp1_0.session_id IN (bench.meeting_id(:r)) AND rp1_0.left_at IS NULL;
\endif
