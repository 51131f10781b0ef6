-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /sessions/{id}/messages/{message_id}: message k of session s
\set s random(2, 10000)
\set k random(0, 80)
select id, type, sender_type, sender_id, method, payload, session_id, server_session_id, created_at from session_message where tenant_id = :tenant and session_id = bench.session_id(:s) and id = bench.message_id(:s, :k);
