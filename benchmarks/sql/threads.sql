-- Seeds the threads database (tenant demo): thread 0 with 50 000 participants and threads
-- 1..1000 with 50 each, 100 000 participants in all. The member demo-member (the local stack's
-- MEMBER_TOKEN) takes part in every thread. Of the others, 7 in 10 are users, 2 agents, 1 a swarm;
-- half have read up to a message. Thread participant counts are kept by the V3 triggers.
\set ON_ERROR_STOP on
\i functions.sql
SET synchronous_commit = off;
BEGIN;

INSERT INTO thread (id, tenant_id, title, metadata, created_by, created_at)
SELECT bench.thread_id(t), 'demo', CASE WHEN t = 0 THEN 'All hands' ELSE 'Thread ' || t END,
       jsonb_build_object('team', 'team-' || t % 20), 'demo-member', bench.at(bench.t0() + t * 1000)
FROM generate_series(0, 1000) t;

INSERT INTO thread_participant (id, tenant_id, thread_id, user_id, agent_id, swarm_id, display_name, joined_at,
        last_read_message_id, last_read_at)
SELECT bench.thread_participant_id(t, q), 'demo', bench.thread_id(t),
       CASE WHEN q = 1 THEN 'demo-member' WHEN q % 10 < 7 THEN 'user-' || q END,
       CASE WHEN q > 1 AND q % 10 IN (7, 8) THEN 'agent-' || q END,
       CASE WHEN q > 1 AND q % 10 = 9 THEN 'swarm-' || q END,
       'Participant ' || q, joined_at,
       CASE WHEN q % 2 = 0 THEN 'msg-' || q END,
       CASE WHEN q % 2 = 0 THEN joined_at + interval '1 hour' END
FROM (SELECT 0 AS t, q FROM generate_series(1, 50000) q
      UNION ALL
      SELECT t, q FROM generate_series(1, 1000) t, generate_series(1, 50) q) rows,
     LATERAL (SELECT bench.at(CASE WHEN t = 0 THEN bench.t0() + 2000000 + q * 100
                                     ELSE bench.t0() + t * 1000 + q * 10 END) AS joined_at) j
ORDER BY joined_at;

COMMIT;
VACUUM ANALYZE;
