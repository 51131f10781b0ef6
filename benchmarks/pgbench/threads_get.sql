-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /api/thread-participants/{id} as member: participant q of thread t, then the membership check
\set t random(1, 1000)
\set q random(1, 50)
SELECT p.id, p.thread_id, p.user_id, p.agent_id, p.swarm_id, p.external_identity, p.display_name, p.joined_at, p.last_read_message_id, p.last_read_at FROM thread_participant p WHERE p.id = bench.thread_participant_id(:t, :q) AND p.tenant_id = :tenant;
SELECT 1 FROM thread_participant p WHERE p.tenant_id = :tenant AND p.thread_id = bench.thread_id(:t) AND p.user_id = :user LIMIT 1;
