-- The statements the endpoint runs per request, as captured from PostgreSQL's statement log;
-- ids are rebuilt from random integers by the bench.* functions (benchmarks/sql/functions.sql).
-- Run with: pgbench -M prepared -D tenant=demo [-D app=bench-app] [-D user=demo-member]
-- GET /session-participants/{id} (one of the 2 000 client participants)
\set c random(1, 2000)
\set one 1
SELECT mp1_0.id,mp1_0.created_at,mp1_0.data,mp1_0.identifier,mp1_0.name,mp1_0.provider_id,mp1_0.tenant_id,mp1_0.type,mp1_0.updated_at FROM mcp_participant mp1_0 WHERE mp1_0.tenant_id=:tenant AND mp1_0.id=bench.client_id(:c) FETCH FIRST :one ROWS ONLY;
