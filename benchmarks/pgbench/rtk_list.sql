-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /accounts/demo/realtime/kit/bench-app/sessions?page_no=p, p in 1..3 (per_page 20, newest first):
-- the page, the join times of the peers still inside its live sessions (the 50 newest), and the
-- app's session count kept by the V9 triggers (no count of the sessions).
-- Hibernate pads the IN list to 32 ids (20 live sessions) or 16 (page 3: 10), repeating the last.
\set p random(1, 3)
\set perpage 20
\set offset (:p - 1) * 20
\set top 10000 - (:p - 1) * 20
SELECT rs1_0.id,rs1_0.app_id,rs1_0.associated_id,rs1_0.meeting_display_name,rs1_0.type,rs1_0.status,rs1_0.meta,rs1_0.started_at,rs1_0.ended_at,rs1_0.created_at,rs1_0.updated_at,rs1_0.live_participants,rs1_0.max_concurrent_participants,rs1_0.minutes_consumed FROM rtk_session rs1_0 WHERE rs1_0.tenant_id=:tenant AND rs1_0.app_id=:app ORDER BY rs1_0.created_at DESC,rs1_0.id DESC OFFSET :offset ROWS FETCH FIRST :perpage ROWS ONLY;
\if :p < 3
SELECT rp1_0.session_id,rp1_0.joined_at FROM rtk_participant rp1_0 WHERE rp1_0.tenant_id=:tenant AND rp1_0.session_id IN (bench.meeting_id(:top - 0),bench.meeting_id(:top - 1),bench.meeting_id(:top - 2),bench.meeting_id(:top - 3),bench.meeting_id(:top - 4),bench.meeting_id(:top - 5),bench.meeting_id(:top - 6),bench.meeting_id(:top - 7),bench.meeting_id(:top - 8),bench.meeting_id(:top - 9),bench.meeting_id(:top - 10),bench.meeting_id(:top - 11),bench.meeting_id(:top - 12),bench.meeting_id(:top - 13),bench.meeting_id(:top - 14),bench.meeting_id(:top - 15),bench.meeting_id(:top - 16),bench.meeting_id(:top - 17),bench.meeting_id(:top - 18),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19),bench.meeting_id(:top - 19)) AND rp1_0.left_at IS NULL;
\else
SELECT rp1_0.session_id,rp1_0.joined_at FROM rtk_participant rp1_0 WHERE rp1_0.tenant_id=:tenant AND rp1_0.session_id IN (bench.meeting_id(:top - 0),bench.meeting_id(:top - 1),bench.meeting_id(:top - 2),bench.meeting_id(:top - 3),bench.meeting_id(:top - 4),bench.meeting_id(:top - 5),bench.meeting_id(:top - 6),bench.meeting_id(:top - 7),bench.meeting_id(:top - 8),bench.meeting_id(:top - 9),bench.meeting_id(:top - 9),bench.meeting_id(:top - 9),bench.meeting_id(:top - 9),bench.meeting_id(:top - 9),bench.meeting_id(:top - 9),bench.meeting_id(:top - 9)) AND rp1_0.left_at IS NULL;
\endif
SELECT session_count FROM rtk_app_session_count WHERE tenant_id = :tenant AND app_id = :app;
