-- Helpers for the seed, path and pgbench scripts, in a schema of their own (bench) that the
-- services never read; the benchmark's database is made for the run and thrown away after it.
--
-- Every seeded id is a UUIDv7 computed from a millisecond timestamp and a sequence number, so
-- ORDER BY id is creation order (as the services' own ids are) and pgbench can rebuild any id
-- from the random integers it draws.
CREATE SCHEMA IF NOT EXISTS bench;

CREATE OR REPLACE FUNCTION bench.id7(ms bigint, n bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT (lpad(to_hex(ms), 12, '0') || '7000' || '8' || lpad(to_hex(n), 15, '0'))::uuid
$$;

-- The seed's time origin, 2025-06-01T00:00:00Z, in epoch milliseconds, and a time from it.
CREATE OR REPLACE FUNCTION bench.t0() RETURNS bigint IMMUTABLE LANGUAGE sql AS $$ SELECT 1748736000000::bigint $$;
CREATE OR REPLACE FUNCTION bench.at(ms bigint) RETURNS timestamptz IMMUTABLE LANGUAGE sql AS $$
    SELECT timestamptz 'epoch' + ms * interval '1 millisecond'
$$;

-- The public form of an MCP id: prefix, underscore, 22 base62 digits of the UUID (PrefixedId).
CREATE OR REPLACE FUNCTION bench.prefixed(prefix text, u uuid) RETURNS text IMMUTABLE LANGUAGE plpgsql AS $$
DECLARE
    hex text := replace(u::text, '-', '');
    alphabet text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    v numeric := 0;
    digits text := '';
BEGIN
    FOR i IN 1..32 LOOP
        v := v * 16 + position(substr(hex, i, 1) IN '0123456789abcdef') - 1;
    END LOOP;
    FOR i IN 1..22 LOOP
        digits := substr(alphabet, mod(v, 62)::int + 1, 1) || digits;
        v := div(v, 62);
    END LOOP;
    RETURN prefix || '_' || digits;
END
$$;

-- The ids of the seeded MCP rows (see sessions.sql and messages.sql): session s, its connection,
-- its server session (spr) and provider run; client c and provider p participants; message k of
-- session s (session 1 is the large one).
CREATE OR REPLACE FUNCTION bench.session_id(s bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT bench.id7(bench.t0() + s * 1000, s) $$;
CREATE OR REPLACE FUNCTION bench.connection_id(s bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT bench.id7(bench.t0() + s * 1000 + 10, s) $$;
CREATE OR REPLACE FUNCTION bench.server_session_id(s bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT bench.id7(bench.t0() + s * 1000 + 20, s) $$;
CREATE OR REPLACE FUNCTION bench.provider_run_id(s bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT bench.id7(bench.t0() + s * 1000 + 30, s) $$;
CREATE OR REPLACE FUNCTION bench.client_id(c bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT bench.id7(bench.t0() - 1000000 + c, c) $$;
CREATE OR REPLACE FUNCTION bench.provider_participant_id(p bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT bench.id7(bench.t0() - 500000 + p, 100000 + p) $$;
CREATE OR REPLACE FUNCTION bench.message_ms(s bigint, k bigint) RETURNS bigint IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE WHEN s = 1 THEN bench.t0() + 100 + k * 50 ELSE bench.t0() + s * 1000 + 100 + k * 5000 END $$;
CREATE OR REPLACE FUNCTION bench.message_id(s bigint, k bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT bench.id7(bench.message_ms(s, k), CASE WHEN s = 1 THEN 20000000 + k ELSE s * 1000 + k END) $$;

-- Meeting session r, its peer j; thread t (0 is the large one), participant p of thread 0 and
-- participant q of thread t > 0.
CREATE OR REPLACE FUNCTION bench.meeting_id(r bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT bench.id7(bench.t0() + r * 60000, r) $$;
CREATE OR REPLACE FUNCTION bench.peer_id(r bigint, j bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT bench.id7(bench.t0() + r * 60000 + j * 1000, r * 100 + j) $$;
CREATE OR REPLACE FUNCTION bench.thread_id(t bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT bench.id7(bench.t0() + t * 1000, t) $$;
CREATE OR REPLACE FUNCTION bench.thread_participant_id(t bigint, q bigint) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE WHEN t = 0 THEN bench.id7(bench.t0() + 2000000 + q * 100, q)
                ELSE bench.id7(bench.t0() + t * 1000 + q * 10, 1000000 + t * 100 + q) END $$;
