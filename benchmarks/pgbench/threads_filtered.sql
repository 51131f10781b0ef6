-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /api/thread-participants?thread_id={thread 0}&filter={"agentId":{"isNull":false}}&limit=20 as
-- member: membership check, the page, and the count of all matches for pageInfo.total
\set zero 0
\set one 1
\set fetch 21
SELECT tp1_0.id,tp1_0.agent_id,tp1_0.display_name,tp1_0.external_identity,tp1_0.joined_at,tp1_0.last_read_at,tp1_0.last_read_message_id,tp1_0.swarm_id,tp1_0.tenant_id,tp1_0.thread_id,tp1_0.user_id FROM thread_participant tp1_0 WHERE tp1_0.tenant_id=:tenant AND tp1_0.thread_id=bench.thread_id(0) AND tp1_0.user_id=:user OFFSET :zero ROWS FETCH FIRST :one ROWS ONLY;
SELECT p.id, p.tenant_id, p.thread_id, p.user_id, p.agent_id, p.swarm_id, p.external_identity, p.display_name, p.joined_at, p.last_read_message_id, p.last_read_at FROM thread_participant p WHERE ((p.tenant_id = :tenant) AND (p.thread_id >= bench.thread_id(0) AND p.thread_id <= bench.thread_id(0))) AND (((p.agent_id IS NOT NULL))) ORDER BY p.thread_id ASC, p.id ASC LIMIT :fetch;
SELECT count(*) FROM thread_participant p WHERE ((p.tenant_id = :tenant) AND (p.thread_id >= bench.thread_id(0) AND p.thread_id <= bench.thread_id(0))) AND (((p.agent_id IS NOT NULL)));
