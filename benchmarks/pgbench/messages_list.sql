-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /sessions/{id}/messages (first page, default limit 20) of one of sessions 2..10000
\set s random(2, 10000)
\set zero 0
\set fetch 21
SELECT sm1_0.id,sm1_0.created_at,sm1_0.idempotency_key,sm1_0.jsonrpc_id,sm1_0.method,sm1_0.participant_id,sm1_0.payload,sm1_0.provider_run_id,sm1_0.sender_id,sm1_0.sender_type,sm1_0.server_session_id,sm1_0.session_id,sm1_0.tenant_id,sm1_0.type FROM session_message sm1_0 WHERE sm1_0.tenant_id=:tenant AND sm1_0.session_id>=bench.session_id(:s) AND sm1_0.session_id<=bench.session_id(:s) ORDER BY sm1_0.session_id,sm1_0.id OFFSET :zero ROWS FETCH FIRST :fetch ROWS ONLY;
