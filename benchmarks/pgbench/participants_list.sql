-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /session-participants (first page, default limit 20)
\set fetch 21
select id, type, identifier, name, data, provider_id, created_at from mcp_participant where tenant_id = :tenant order by id asc limit :fetch;
