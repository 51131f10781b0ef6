-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /session-participants/{id} (one of the 2 000 client participants)
\set c random(1, 2000)
select id, type, identifier, name, data, provider_id, created_at from mcp_participant where tenant_id = :tenant and id = bench.client_id(:c);
