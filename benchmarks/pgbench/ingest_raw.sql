-- The raw-insert ceiling of message ingest: the rows one POST /sessions/{id}/messages of :batch
-- tools/call requests and responses stores (as benchmarks/wrk/ingest.lua sends them: the same
-- columns, payloads given as text and read as jsonb, time-ordered UUIDv7 ids, one of sessions 2..51),
-- written by one multi-row INSERT and no service in between.
-- Run with: pgbench -M prepared -D tenant=demo -D batch=<rows per statement>
\set s random(2, 51)
\set n random(0, 1000000000000)
INSERT INTO session_message (id, tenant_id, session_id, server_session_id, provider_run_id, participant_id, type,
        sender_type, sender_id, method, payload, created_at, idempotency_key, jsonrpc_id)
SELECT bench.id7(t.ms, :n::bigint * 1000 + i), :tenant, bench.session_id(:s::bigint), bench.server_session_id(:s::bigint),
       bench.provider_run_id(:s::bigint),
       CASE WHEN i % 2 = 0 THEN bench.client_id((:s::bigint - 1) % 2000 + 1) ELSE bench.provider_participant_id((:s::bigint - 1) % 200 + 1) END,
       CASE WHEN i % 2 = 0 THEN 'request' ELSE 'response' END,
       CASE WHEN i % 2 = 0 THEN 'client' ELSE 'server' END,
       CASE WHEN i % 2 = 0 THEN 'bench-client' ELSE bench.prefixed('spr', bench.server_session_id(:s::bigint)) END,
       'tools/call',
       (CASE WHEN i % 2 = 0
            THEN format('{"jsonrpc":"2.0","id":%s,"method":"tools/call","params":{"name":"search_documents",'
                 '"arguments":{"query":"quarterly revenue by region %s","limit":10}}}', i / 2, i)
            ELSE format('{"jsonrpc":"2.0","id":%s,"result":{"content":[{"type":"text","text":"Found 10 '
                 'documents matching the query; the first is the Q%s report."}],"isError": false}}', i / 2, i % 4 + 1)
        END)::jsonb,
       bench.at(t.ms), NULL, (i / 2)::text
FROM (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms) t, generate_series(0, CAST(:batch AS int) - 1) i
ORDER BY i;
