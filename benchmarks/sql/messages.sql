-- Seeds the messages database (tenant demo) with 1 009 919 MCP messages, as
-- POST /sessions/{id}/messages stores them: session 1 holds 200 000 messages, sessions 2..10000
-- hold 81 each. Messages of concurrent sessions interleave in time, and so on disk. In each
-- session the client sends tools/call requests (even k) and the server answers each (odd k):
-- a response carrying the request's method, an error every tenth, a progress notification in
-- place of every tenth answer.
\set ON_ERROR_STOP on
\i functions.sql
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET work_mem = '256MB';
BEGIN;

INSERT INTO session_message (id, tenant_id, session_id, server_session_id, provider_run_id, participant_id, type,
        sender_type, sender_id, method, payload, created_at, idempotency_key, jsonrpc_id)
SELECT bench.message_id(s, k), 'demo', bench.session_id(s), bench.server_session_id(s),
       bench.provider_run_id(s),
       CASE WHEN kind = 'request' THEN bench.client_id(c) ELSE bench.provider_participant_id(p) END,
       kind, CASE WHEN kind = 'request' THEN 'client' ELSE 'server' END,
       CASE WHEN kind = 'request' THEN connection ELSE server_session END,
       CASE WHEN kind = 'notification' THEN 'notifications/progress' ELSE 'tools/call' END,
       CASE kind
           WHEN 'request' THEN jsonb_build_object('jsonrpc', '2.0', 'id', k / 2, 'method', 'tools/call',
                   'params', jsonb_build_object('name', 'search_documents', 'arguments',
                       jsonb_build_object('query', 'quarterly revenue by region ' || k, 'limit', 10)))
           WHEN 'response' THEN jsonb_build_object('jsonrpc', '2.0', 'id', k / 2, 'result',
                   jsonb_build_object('content', jsonb_build_array(jsonb_build_object('type', 'text', 'text',
                       'Found 10 documents matching the query; the first is the Q' || k % 4 + 1
                       || ' report, revenue grew in every region but one.')), 'isError', false))
           WHEN 'error' THEN jsonb_build_object('jsonrpc', '2.0', 'id', k / 2, 'error',
                   jsonb_build_object('code', -32603, 'message', 'The document index is being rebuilt'))
           ELSE jsonb_build_object('jsonrpc', '2.0', 'method', 'notifications/progress',
                   'params', jsonb_build_object('progressToken', k / 2, 'progress', 50, 'total', 100))
       END,
       bench.at(bench.message_ms(s, k)), NULL,
       CASE WHEN kind <> 'notification' THEN (k / 2)::text END
FROM (SELECT s.s, k, (s.s - 1) % 2000 + 1 AS c, (s.s - 1) % 200 + 1 AS p, ids.connection, ids.server_session,
             CASE WHEN k % 2 = 0 THEN 'request' WHEN k % 20 = 9 THEN 'notification'
                  WHEN k % 20 = 19 THEN 'error' ELSE 'response' END AS kind
      FROM generate_series(1, 10000) s(s)
      CROSS JOIN LATERAL (SELECT bench.prefixed('sco', bench.connection_id(s.s)) AS connection,
                                 bench.prefixed('spr', bench.server_session_id(s.s)) AS server_session) ids
      CROSS JOIN LATERAL generate_series(0, CASE WHEN s.s = 1 THEN 199999 ELSE 80 END) k) m
ORDER BY bench.message_ms(s, k);

COMMIT;
VACUUM ANALYZE session_message;
