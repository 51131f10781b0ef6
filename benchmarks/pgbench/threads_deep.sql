-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /api/thread-participants?thread_id={thread 0}&after={cursor} as member: page 451..500 of 500,
-- the cursor at participant q = 100 * page, read from the cursor's own row on (which, found, sets
-- hasPreviousPage, so no probe runs behind it)
\set page random(450, 499)
\set q :page * 100
\set fetch 102
-- The service binds the cursor's values; computed once here, not per row by the bench function.
SELECT bench.thread_participant_id(0, :q) AS anchor \gset
SELECT 1 FROM thread_participant p WHERE p.tenant_id = :tenant AND p.thread_id = bench.thread_id(0) AND p.user_id = :user LIMIT 1;
SELECT p.id, p.thread_id, p.user_id, p.agent_id, p.swarm_id, p.external_identity, p.display_name, p.joined_at, p.last_read_message_id, p.last_read_at FROM thread_participant p WHERE ((p.tenant_id = :tenant) AND (p.thread_id >= bench.thread_id(0) AND p.thread_id <= bench.thread_id(0))) AND ((p.id >= :anchor) AND ((p.id > :anchor) OR (p.id = :anchor))) ORDER BY p.thread_id ASC, p.id ASC LIMIT :fetch;
SELECT participant_count FROM thread WHERE tenant_id = :tenant AND id = bench.thread_id(0);
