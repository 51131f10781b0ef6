-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /api/thread-participants?thread_id={t} as member demo-member: one of threads 1..1000 (50
-- participants, default limit 100): membership check, the page, the kept participant count
\set t random(1, 1000)
\set fetch 101
SELECT 1 FROM thread_participant p WHERE p.tenant_id = :tenant AND p.thread_id = bench.thread_id(:t) AND p.user_id = :user LIMIT 1;
SELECT p.id, p.thread_id, p.user_id, p.agent_id, p.swarm_id, p.external_identity, p.display_name, p.joined_at, p.last_read_message_id, p.last_read_at FROM thread_participant p WHERE (p.tenant_id = :tenant) AND (p.thread_id >= bench.thread_id(:t) AND p.thread_id <= bench.thread_id(:t)) ORDER BY p.thread_id ASC, p.id ASC LIMIT :fetch;
SELECT participant_count FROM thread WHERE tenant_id = :tenant AND id = bench.thread_id(:t);
