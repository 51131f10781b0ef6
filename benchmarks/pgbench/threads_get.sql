-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /api/thread-participants/{id} as member: participant q of thread t, then the membership check
\set t random(1, 1000)
\set q random(1, 50)
\set zero 0
\set one 1
SELECT tp1_0.id,tp1_0.agent_id,tp1_0.display_name,tp1_0.external_identity,tp1_0.joined_at,tp1_0.last_read_at,tp1_0.last_read_message_id,tp1_0.swarm_id,tp1_0.tenant_id,tp1_0.thread_id,tp1_0.user_id FROM thread_participant tp1_0 WHERE tp1_0.id=bench.thread_participant_id(:t, :q) AND tp1_0.tenant_id=:tenant FETCH FIRST :one ROWS ONLY;
SELECT tp1_0.id,tp1_0.agent_id,tp1_0.display_name,tp1_0.external_identity,tp1_0.joined_at,tp1_0.last_read_at,tp1_0.last_read_message_id,tp1_0.swarm_id,tp1_0.tenant_id,tp1_0.thread_id,tp1_0.user_id FROM thread_participant tp1_0 WHERE tp1_0.tenant_id=:tenant AND tp1_0.thread_id=bench.thread_id(:t) AND tp1_0.user_id=:user OFFSET :zero ROWS FETCH FIRST :one ROWS ONLY;
