-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /accounts/demo/realtime/kit/bench-app/sessions?page_no=p, p in 1..3 (per_page 20, newest first):
-- the page, the join times of the peers still inside its live sessions (the 50 newest: all 20 of
-- pages 1 and 2, 10 of page 3; their ids bound as one array), and the app's session count kept by
-- the V9 triggers (no count of the sessions).
\set p random(1, 3)
\set perpage 20
\set offset (:p - 1) * 20
\set top 10000 - (:p - 1) * 20
select id, app_id, associated_id, meeting_display_name, type, status, meta, started_at, ended_at, created_at, updated_at, live_participants, max_concurrent_participants, minutes_consumed from rtk_session where tenant_id = :tenant and app_id = :app order by created_at desc, id desc offset :offset limit :perpage;
\if :p < 3
select session_id, joined_at from rtk_participant where tenant_id = :tenant and session_id = any(array[bench.meeting_id(:top - 0), bench.meeting_id(:top - 1), bench.meeting_id(:top - 2), bench.meeting_id(:top - 3), bench.meeting_id(:top - 4), bench.meeting_id(:top - 5), bench.meeting_id(:top - 6), bench.meeting_id(:top - 7), bench.meeting_id(:top - 8), bench.meeting_id(:top - 9), bench.meeting_id(:top - 10), bench.meeting_id(:top - 11), bench.meeting_id(:top - 12), bench.meeting_id(:top - 13), bench.meeting_id(:top - 14), bench.meeting_id(:top - 15), bench.meeting_id(:top - 16), bench.meeting_id(:top - 17), bench.meeting_id(:top - 18), bench.meeting_id(:top - 19)]) and left_at is null;
\else
select session_id, joined_at from rtk_participant where tenant_id = :tenant and session_id = any(array[bench.meeting_id(:top - 0), bench.meeting_id(:top - 1), bench.meeting_id(:top - 2), bench.meeting_id(:top - 3), bench.meeting_id(:top - 4), bench.meeting_id(:top - 5), bench.meeting_id(:top - 6), bench.meeting_id(:top - 7), bench.meeting_id(:top - 8), bench.meeting_id(:top - 9)]) and left_at is null;
\endif
select session_count from rtk_app_session_count where tenant_id = :tenant and app_id = :app;
