#!/usr/bin/env bash
# Benchmarks the stack against its database's own ceiling, in one run on this machine: starts the
# local stack on its own ports and data directory, seeds it, drives each endpoint through the
# gateway with wrk and the same SQL straight into PostgreSQL with pgbench at the same
# concurrency, measures ingest, startup and memory, then stops everything it started.
# Results: benchmarks/results/<time>/ (raw outputs and summary.md); the summary is printed too.
#
# Environment: SKIP_BUILD=1 uses the last build; DURATION (s, default 15), WARMUP (s before each
# measurement, default 3), WARMUP_PASS (s per endpoint in the JIT warm-up pass, default 5),
# CONNECTIONS (default 16) and THREADS (default 2) shape every measurement; BENCH_PORT_BASE
# (default 18080) puts the gateway there and the services on the next three ports; BENCH_PG_PORT
# (default 25432).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=$ROOT/benchmarks
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
BASE=${BENCH_PORT_BASE:-18080}
export PGHOST=127.0.0.1 PGPORT=${BENCH_PG_PORT:-25432} PGUSER=postgres
GATEWAY=http://127.0.0.1:$BASE
RESULTS=$BENCH/results/$(date -u +%Y%m%dT%H%M%SZ)
DATA=$ROOT/.local/bench-run
mkdir -p "$RESULTS"
log() { echo "[bench $(date -u +%H:%M:%S)] $*"; }

# Tools: wrk and the PostgreSQL client (psql, pgbench) from Debian's packages.
missing=()
command -v wrk >/dev/null || missing+=(wrk)
{ command -v pgbench >/dev/null && command -v psql >/dev/null; } || missing+=(postgresql-client)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  log "building"
  ./mvnw -B -q -DskipTests package
fi

STACK_PID=
stop_stack() {
  if [ -n "$STACK_PID" ] && kill -0 "$STACK_PID" 2>/dev/null; then
    log "stopping the stack"
    kill -TERM "$STACK_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$STACK_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$STACK_PID" 2>/dev/null || true
  fi
  STACK_PID=
}
trap stop_stack EXIT INT TERM

# A fresh database every run, so every run seeds and measures the same data.
rm -rf "$DATA"
mkdir -p "$DATA"
log "starting the stack (gateway $GATEWAY, PostgreSQL $PGPORT)"
# The services run with the JVM's full JIT, as in production; the local stack's default stops at
# the quick C1 compiler, which starts sooner but runs slower.
LOCAL_DATA_DIR=$DATA GATEWAY_PORT=$BASE SESSIONS_PORT=$((BASE + 1)) MESSAGES_PORT=$((BASE + 2)) \
  THREADS_PORT=$((BASE + 3)) POSTGRES_PORT=$PGPORT SERVICE_JVM_OPTIONS="-Xmx384m -XX:+UseSerialGC" \
  setsid java -jar deploy/local/target/local-stack.jar > "$RESULTS/stack.log" 2>&1 &
STACK_PID=$!
for _ in $(seq 1 360); do
  grep -q "Session Ledger is up" "$RESULTS/stack.log" && break
  kill -0 "$STACK_PID" 2>/dev/null || { cat "$RESULTS/stack.log"; exit 1; }
  sleep 0.5
done
grep -q "Session Ledger is up" "$RESULTS/stack.log" || { log "the stack did not start"; exit 1; }
grep -o "up in [0-9.]* s" "$RESULTS/stack.log" | sed 's/up in //; s/ s//' > "$RESULTS/stack-ready-seconds"
for service in sessions messages threads; do
  grep -o "started in [0-9.]*s" "$DATA/logs/$service-service.log" | head -1 | sed 's/started in //; s/s//' \
    > "$RESULTS/$service-started-seconds"
done
# shellcheck disable=SC1091
source "$DATA/tokens.env"

log "seeding (about 3 minutes)"
cd "$BENCH/sql"
psql -q -d sessions -f sessions.sql
psql -q -d threads -f threads.sql
psql -q -d messages -f messages.sql
cd "$ROOT"
psql -Atc "select version()" -d postgres > "$RESULTS/postgres-version"

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

WRK=(wrk -c "$CONNECTIONS" -t "$THREADS" --latency --timeout 10s)
PGBENCH=(pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -D tenant=demo -D app=bench-app -D user=demo-member)
measure() { # name database token
  local name=$1 db=$2 token=$3
  log "$name: wrk ${DURATION}s, then pgbench ${DURATION}s"
  "${WRK[@]}" -d "${WARMUP}s" -s "$BENCH/wrk/paths.lua" "$GATEWAY" -- "$P/$name" "$token" > /dev/null
  "${WRK[@]}" -d "${DURATION}s" -s "$BENCH/wrk/paths.lua" "$GATEWAY" -- "$P/$name" "$token" > "$RESULTS/$name.wrk"
  "${PGBENCH[@]}" -T "$WARMUP" -f "$BENCH/pgbench/$name.sql" "$db" > /dev/null 2>&1
  "${PGBENCH[@]}" -f "$BENCH/pgbench/$name.sql" "$db" > "$RESULTS/$name.pgbench" 2>&1
}
READS=(participants_list participants_get messages_list messages_get messages_first messages_deep rtk_list rtk_get
  rtk_participants threads_list threads_get threads_first threads_deep threads_filtered)
token_for() { case $1 in threads_*) echo "$MEMBER_TOKEN";; *) echo "$ADMIN_TOKEN";; esac; }
database_for() { case $1 in messages_*) echo messages;; threads_*) echo threads;; *) echo sessions;; esac; }

# The JIT compiles the services' hot paths over the first tens of seconds of load: one pass over
# every endpoint first, so that no figure measures compilation.
log "warming up the services (${WARMUP_PASS:-5}s per endpoint)"
for name in "${READS[@]}"; do
  "${WRK[@]}" -d "${WARMUP_PASS:-5}s" -s "$BENCH/wrk/paths.lua" "$GATEWAY" -- "$P/$name" "$(token_for "$name")" > /dev/null
done
"${WRK[@]}" -d "${WARMUP_PASS:-5}s" -s "$BENCH/wrk/ingest.lua" "$GATEWAY" -- "$P/ingest_sessions" "$ADMIN_TOKEN" 100 > /dev/null

for name in "${READS[@]}"; do
  measure "$name" "$(database_for "$name")" "$(token_for "$name")"
done

# The gateway's share: three list endpoints again, straight to their service's port.
for direct in "participants_list 1" "messages_list 2" "threads_list 3"; do
  set -- $direct
  log "$1 straight to its service: wrk ${DURATION}s"
  "${WRK[@]}" -d "${WARMUP}s" -s "$BENCH/wrk/paths.lua" "http://127.0.0.1:$((BASE + $2))" -- "$P/$1" "$(token_for "$1")" \
    > /dev/null
  "${WRK[@]}" -d "${DURATION}s" -s "$BENCH/wrk/paths.lua" "http://127.0.0.1:$((BASE + $2))" -- "$P/$1" \
    "$(token_for "$1")" > "$RESULTS/$1.direct.wrk"
done

for batch in 1 100 1000; do
  log "ingest, batches of $batch: wrk ${DURATION}s"
  "${WRK[@]}" -d "${WARMUP}s" -s "$BENCH/wrk/ingest.lua" "$GATEWAY" -- "$P/ingest_sessions" "$ADMIN_TOKEN" "$batch" > /dev/null
  "${WRK[@]}" -d "${DURATION}s" -s "$BENCH/wrk/ingest.lua" "$GATEWAY" -- "$P/ingest_sessions" "$ADMIN_TOKEN" "$batch" \
    > "$RESULTS/ingest_$batch.wrk"
done

# Resident memory of each service after the run.
for service in sessions messages threads; do
  pid=$(pgrep -f "$ROOT/$service-service/target/quarkus-app/quarkus-run.jar" | head -1)
  awk '/^VmRSS/ {print $2}' "/proc/$pid/status" > "$RESULTS/$service-rss-kb"
done

{
  echo "cores=$(nproc)"
  echo "memory=$(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "postgres=$(cut -d, -f1 "$RESULTS/postgres-version")"
  echo "wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "pgbench=$(pgbench --version)"
  echo "load=$CONNECTIONS connections, $THREADS threads, ${DURATION} s per figure after ${WARMUP} s of warm-up"
} > "$RESULTS/machine"

stop_stack
python3 "$BENCH/summarize.py" "$RESULTS" | tee "$RESULTS/summary.md"
log "results in $RESULTS"
