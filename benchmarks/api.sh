# The API part of benchmarks/run.sh, sourced by it on the stack it started (ONLY=api runs this part
# alone): seeds the databases, checks the seed through the API, drives each endpoint through the
# local gateway with wrk and the same SQL straight into PostgreSQL with pgbench at the same
# concurrency, three lists straight to their service, and message ingest. Raw outputs go to $RESULTS.

log "seeding (about 3 minutes)"
cd "$BENCH/sql"
psql -q -d sessions -f sessions.sql
psql -q -d threads -f threads.sql
psql -q -d messages -f messages.sql
# The seed's dirty pages written now, not by a checkpoint in the middle of the first figures.
for db in sessions threads messages; do psql -q -d "$db" -c CHECKPOINT; done
cd "$ROOT"

log "checking the seeded data through the API"
python3 "$BENCH/check_seed.py" "$GATEWAY" "$ADMIN_TOKEN" "$MEMBER_TOKEN"

# Request paths for wrk, drawn from the populations the pgbench scripts draw from.
P=$RESULTS/paths
mkdir -p "$P"
paths() { psql -At -d "$1" -c "$3" > "$P/$2"; }
ACCOUNT=/accounts/demo/realtime/kit/bench-app/sessions
paths sessions participants_list "select '/session-participants'"
paths sessions participants_get "select '/session-participants/' || bench.prefixed('spt', bench.client_id(c)) from generate_series(1, 2000) c"
paths messages messages_list "select '/sessions/' || bench.prefixed('ses', bench.session_id(s)) || '/messages' from generate_series(2, 10000) s"
paths messages messages_get "select '/sessions/' || bench.prefixed('ses', bench.session_id(s)) || '/messages/' || bench.prefixed('smg', bench.message_id(s, k)) from (select 2 + (random() * 9998)::int s, (random() * 80)::int k from generate_series(1, 10000)) r"
paths messages messages_first "select '/sessions/' || bench.prefixed('ses', bench.session_id(1)) || '/messages'"
paths messages messages_deep "select '/sessions/' || bench.prefixed('ses', bench.session_id(1)) || '/messages?after=' || bench.prefixed('smg', bench.message_id(1, k)) from generate_series(180000, 198999, 19) k"
paths sessions rtk_list "select '$ACCOUNT?page_no=' || p from generate_series(1, 3) p"
paths sessions rtk_get "select '$ACCOUNT/' || bench.meeting_id(r) from generate_series(1, 10000) r"
paths sessions rtk_participants "select '$ACCOUNT/' || bench.meeting_id(r) || '/participants' from generate_series(1, 10000) r"
paths threads threads_list "select '/api/thread-participants?thread_id=' || bench.thread_id(t) from generate_series(1, 1000) t"
paths threads threads_get "select '/api/thread-participants/' || bench.thread_participant_id(t, q) from generate_series(1, 1000) t, generate_series(1, 50) q"
paths threads threads_first "select '/api/thread-participants?thread_id=' || bench.thread_id(0)"
paths threads threads_filtered "select '/api/thread-participants?thread_id=' || bench.thread_id(0) || '&limit=20&filter=%7B%22agentId%22%3A%7B%22isNull%22%3Afalse%7D%7D'"
# Deep cursors are signed by the service: walk thread 0 (500 pages) and keep the cursors after pages 450..499.
python3 "$BENCH/thread_cursors.py" "$GATEWAY" "$MEMBER_TOKEN" "$(psql -At -d threads -c 'select bench.thread_id(0)')" \
  450 499 > "$P/threads_deep"
psql -At -d messages -F ' ' -c "select bench.prefixed('ses', bench.session_id(s)), bench.prefixed('spr', bench.server_session_id(s)), bench.prefixed('srr', bench.provider_run_id(s)) from generate_series(2, 51) s" > "$P/ingest_sessions"

# The ceilings plan as the services do: generic plans, and custom ones where a script asks for them.
export PGOPTIONS="-c plan_cache_mode=force_generic_plan"
PGBENCH=(pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -D tenant=demo -D app=bench-app -D user=demo-member)
# drive NAME URL OUT: wrk over NAME's paths at URL, after a warm-up, into $RESULTS/OUT.wrk.
drive() {
  "${WRK[@]}" -d "${WARMUP}s" -s "$BENCH/wrk/paths.lua" "$2" -- "$P/$1" "$(token_for "$1")" > /dev/null
  "${WRK[@]}" -d "${DURATION}s" -s "$BENCH/wrk/paths.lua" "$2" -- "$P/$1" "$(token_for "$1")" > "$RESULTS/$3.wrk"
}
# Each endpoint straight to its service, then its SQL straight into PostgreSQL.
measure() { # name
  local name=$1 db
  db=$(database_for "$name")
  log "$name: wrk ${DURATION}s straight to its service, then pgbench ${DURATION}s"
  drive "$name" "$(service_url "$name")" "$name"
  "${PGBENCH[@]}" -T "$WARMUP" -f "$BENCH/pgbench/$name.sql" "$db" > /dev/null 2>&1
  "${PGBENCH[@]}" -f "$BENCH/pgbench/$name.sql" "$db" > "$RESULTS/$name.pgbench" 2>&1
}
READS=(participants_list participants_get messages_list messages_get messages_first messages_deep rtk_list rtk_get
  rtk_participants threads_list threads_get threads_first threads_deep threads_filtered)
token_for() { case $1 in threads_*) echo "$MEMBER_TOKEN";; *) echo "$ADMIN_TOKEN";; esac; }
database_for() { case $1 in messages_*) echo messages;; threads_*) echo threads;; *) echo sessions;; esac; }
service_url() { case $1 in messages_*) echo "http://127.0.0.1:$((BASE + 2))";; threads_*) echo "http://127.0.0.1:$((BASE + 3))";;
  *) echo "http://127.0.0.1:$((BASE + 1))";; esac; }

# The full JIT compiles the services' hot paths over tens of thousands of requests (a first
# figure taken after 5 s per endpoint was 40 % of the same endpoint's figure at the end of the
# run): one pass over every endpoint straight to its service, and the gateway's lists through it,
# so that no figure measures compilation.
log "warming up the services (${WARMUP_PASS:-15}s per endpoint) and the gateway"
for name in "${READS[@]}"; do
  "${WRK[@]}" -d "${WARMUP_PASS:-15}s" -s "$BENCH/wrk/paths.lua" "$(service_url "$name")" -- "$P/$name" "$(token_for "$name")" \
    > /dev/null
done
for name in participants_list messages_list threads_list; do
  "${WRK[@]}" -d "${WARMUP_PASS:-15}s" -s "$BENCH/wrk/paths.lua" "$GATEWAY" -- "$P/$name" "$(token_for "$name")" > /dev/null
done
"${WRK[@]}" -d "${WARMUP_PASS:-15}s" -s "$BENCH/wrk/ingest.lua" "http://127.0.0.1:$((BASE + 2))" -- "$P/ingest_sessions" \
  "$ADMIN_TOKEN" 100 > /dev/null

for name in "${READS[@]}"; do
  measure "$name"
done

# The gateway's share: three lists straight to their service, through the local gateway and through
# nginx, back to back. nginx is routed by the same Ingress file and runs on the same cores, as
# ingress-nginx would configure it: a worker per core, keep-alive to the services, bodies streamed,
# no access log.
NGINX_DIR=$RESULTS/nginx
NGINX_PORT=$((BASE + 6))
mkdir -p "$NGINX_DIR"
python3 "$BENCH/nginx/conf.py" "$ROOT/deploy/kubernetes/base/ingress.yaml" "$NGINX_DIR" "$NGINX_PORT" \
  sessions-service=$((BASE + 1)) messages-service=$((BASE + 2)) threads-service=$((BASE + 3)) \
  mcp-gateway=$((BASE + 4)) console=$((BASE + 7)) > "$NGINX_DIR/nginx.conf"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
"$NGINX" -v 2> "$RESULTS/nginx-version"
"$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf"
for name in participants_list messages_list threads_list; do
  log "$name straight, through the gateway and through nginx: wrk ${DURATION}s each"
  drive "$name" "$(service_url "$name")" "$name.direct"
  drive "$name" "$GATEWAY" "$name.gateway"
  drive "$name" "http://127.0.0.1:$NGINX_PORT" "$name.nginx"
done
"$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -s stop 2> /dev/null

# Ingest straight to messages-service, then the same rows by one INSERT per batch.
MESSAGES_URL=http://127.0.0.1:$((BASE + 2))
for batch in 1 100 1000; do
  log "ingest, batches of $batch: wrk ${DURATION}s"
  "${WRK[@]}" -d "${WARMUP}s" -s "$BENCH/wrk/ingest.lua" "$MESSAGES_URL" -- "$P/ingest_sessions" "$ADMIN_TOKEN" "$batch" > /dev/null
  "${WRK[@]}" -d "${DURATION}s" -s "$BENCH/wrk/ingest.lua" "$MESSAGES_URL" -- "$P/ingest_sessions" "$ADMIN_TOKEN" "$batch" \
    > "$RESULTS/ingest_$batch.wrk"
  log "ingest's raw-insert ceiling, $batch rows per INSERT: pgbench ${DURATION}s"
  "${PGBENCH[@]}" -T "$WARMUP" -D batch="$batch" -f "$BENCH/pgbench/ingest_raw.sql" messages > /dev/null 2>&1
  "${PGBENCH[@]}" -D batch="$batch" -f "$BENCH/pgbench/ingest_raw.sql" messages > "$RESULTS/ingest_$batch.pgbench" 2>&1
done

