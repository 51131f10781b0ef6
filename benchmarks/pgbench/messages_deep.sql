-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /sessions/{id}/messages?after={message}: a page of session 1 after message k (90% to 99.5% deep);
-- the scan starts at the anchor, which being there says has_more_before, so one statement reads 22 rows
\set s 1
\set k random(180000, 198999)
\set fetch 22
select id, type, sender_type, sender_id, method, payload, session_id, server_session_id, created_at from session_message where tenant_id = :tenant and session_id >= bench.session_id(:s) and session_id <= bench.session_id(:s) and id >= bench.message_id(:s, :k) order by session_id asc, id asc limit :fetch;
