-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /sessions/{id}/messages?after={message}: a page of session 1 after message k (90% to 99.5% deep);
-- the scan starts at the anchor, which being there says has_more_before, so one statement reads 22 rows
\set s 1
\set k random(180000, 198999)
\set zero 0
\set fetch 22
SELECT sm1_0.id,sm1_0.created_at,sm1_0.idempotency_key,sm1_0.jsonrpc_id,sm1_0.method,sm1_0.participant_id,sm1_0.payload,sm1_0.provider_run_id,sm1_0.sender_id,sm1_0.sender_type,sm1_0.server_session_id,sm1_0.session_id,sm1_0.tenant_id,sm1_0.type FROM session_message sm1_0 WHERE sm1_0.tenant_id=:tenant AND sm1_0.session_id>=bench.session_id(:s) AND sm1_0.session_id<=bench.session_id(:s) AND sm1_0.id>=bench.message_id(:s, :k) ORDER BY sm1_0.session_id,sm1_0.id OFFSET :zero ROWS FETCH FIRST :fetch ROWS ONLY;
