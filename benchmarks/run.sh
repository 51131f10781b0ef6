#!/usr/bin/env bash
# Benchmarks the stack against its database's own ceiling, in one run on this machine: starts the
# local stack on its own ports and data directory, runs the parts, measures startup and memory,
# then stops everything it started. The parts, each sourced on that stack:
#   api.sh      seeds it, drives each endpoint through the gateway with wrk and the same SQL straight
#               into PostgreSQL with pgbench at the same concurrency, and measures ingest;
#   gateway.sh  tools/call of an echo MCP server through mcp-gateway against the same calls straight
#               to it, and at the gateway's own rate, whether every message was recorded and how soon.
# Results: benchmarks/results/<time>/ (raw outputs and summary.md); the summary is printed too.
#
# Environment: ONLY=api or ONLY=gateway runs that part alone (the gateway part needs no seed);
# SKIP_BUILD=1 uses the last build; DURATION (s, default 15), WARMUP (s before each measurement,
# default 3), WARMUP_PASS (s per endpoint in the JIT warm-up pass, default 15), CONNECTIONS (default
# 16) and THREADS (default 2) shape every measurement; GATEWAY_ROUNDS (default 2) how many times the
# gateway part measures direct then through mcp-gateway, GATEWAY_WARMUP (s, default 30) its warm-up
# through mcp-gateway; BENCH_PORT_BASE (default 18080) puts the local gateway there, the services
# on the next three ports, mcp-gateway on the fourth, the benchmark's MCP upstream on the fifth, nginx on the sixth and the console on the seventh;
# BENCH_PG_PORT (default 25432); BENCH_JVM_OPTIONS the services' JVM options (see below).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=$ROOT/benchmarks
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
GATEWAY_ROUNDS=${GATEWAY_ROUNDS:-2}
GATEWAY_WARMUP=${GATEWAY_WARMUP:-30}
BASE=${BENCH_PORT_BASE:-18080}
case ${ONLY:-} in
  "") PARTS=(api gateway) ;;
  api | gateway) PARTS=("$ONLY") ;;
  *) echo "ONLY is api or gateway, not $ONLY" >&2; exit 2 ;;
esac
export PGHOST=127.0.0.1 PGPORT=${BENCH_PG_PORT:-25432} PGUSER=postgres
GATEWAY=http://127.0.0.1:$BASE
MCP_GATEWAY=http://127.0.0.1:$((BASE + 4))
UPSTREAM_PORT=$((BASE + 5))
RESULTS=$BENCH/results/$(date -u +%Y%m%dT%H%M%SZ)
DATA=$ROOT/.local/bench-run
mkdir -p "$RESULTS"
log() { echo "[bench $(date -u +%H:%M:%S)] $*"; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_BEFORE=$(load_average)

# Tools: wrk and the PostgreSQL client (psql, pgbench) from Debian's packages.
missing=()
command -v wrk >/dev/null || missing+=(wrk)
{ command -v pgbench >/dev/null && command -v psql >/dev/null; } || missing+=(postgresql-client)
command -v curl >/dev/null || missing+=(curl)
# nginx for the API part's reference row (the same endpoints through nginx, routed by the Ingress file).
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  log "building"
  ./mvnw -B -q -DskipTests package
fi

STACK_PID=
UPSTREAM_PID=
# The gateway part's MCP upstream, then the stack (each in its own process group).
stop_started() {
  if [ -n "$UPSTREAM_PID" ] && kill -0 "$UPSTREAM_PID" 2>/dev/null; then
    kill -TERM -- "-$UPSTREAM_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$UPSTREAM_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$UPSTREAM_PID" 2>/dev/null || true
  fi
  UPSTREAM_PID=
  if [ -n "${NGINX_DIR:-}" ] && [ -s "$NGINX_DIR/nginx.pid" ]; then
    kill -TERM "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
  fi
  stop_stack
}
stop_stack() {
  if [ -n "$STACK_PID" ] && kill -0 "$STACK_PID" 2>/dev/null; then
    log "stopping the stack"
    kill -TERM "$STACK_PID" 2>/dev/null || true
    # A first start of a build writes its class-data archives as it stops: up to a minute here.
    for _ in $(seq 1 180); do kill -0 "$STACK_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$STACK_PID" 2>/dev/null || true
  fi
  STACK_PID=
}
trap stop_started EXIT INT TERM
# started LOG PID TEXT SECONDS WHAT: waits until the process has written TEXT to its log; shows the
# log and stops the run when it dies first or has not written it in time.
started() {
  for _ in $(seq 1 $(($4 * 2))); do
    grep -q "$3" "$1" && return 0
    kill -0 "$2" 2>/dev/null || { cat "$1"; exit 1; }
    sleep 0.5
  done
  log "$5 did not start"
  exit 1
}

# The services run with the JVM's full JIT, as in production; the local stack's default stops at
# the quick C1 compiler, which starts sooner but runs slower. A service's live heap is some 30 MB
# and the rest of what it holds (class data, compiled code, threads) about 160 MB: the heap starts
# at 64 MB, which keeps young collections rare, and may grow to 128 MB, room for 16 concurrent
# batches of 1000 messages. The native heap is handed back to the system every 5 s and kept to two
# malloc arenas (the JIT's and the threads' freed memory otherwise stays resident).
# BENCH_JVM_OPTIONS replaces the options.
JVM_OPTIONS=${BENCH_JVM_OPTIONS:-"-Xms64m -Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000"}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# The first start of a build records each service's class-data archive, which later starts use
# (deploy/local ClassDataArchive); start-up is measured on such a later start, as a developer sees it.
archived() {
  for service in sessions-service messages-service threads-service mcp-gateway; do
    [ -n "$(find "$ROOT/$service/target/quarkus-app/local-stack-cds" -name '*.jsa' \
      -newer "$ROOT/$service/target/quarkus-app/quarkus-run.jar" 2>/dev/null)" ] || return 1
  done
}
if ! archived; then
  log "first start of this build: recording the services' class-data archives"
  rm -rf "$DATA"
  mkdir -p "$DATA"
  LOCAL_DATA_DIR=$DATA GATEWAY_PORT=$BASE SESSIONS_PORT=$((BASE + 1)) MESSAGES_PORT=$((BASE + 2)) \
    THREADS_PORT=$((BASE + 3)) MCP_GATEWAY_PORT=$((BASE + 4)) CONSOLE_PORT=$((BASE + 7)) POSTGRES_PORT=$PGPORT SERVICE_JVM_OPTIONS="$JVM_OPTIONS" \
    setsid java -jar deploy/local/target/local-stack.jar > "$RESULTS/stack-first-start.log" 2>&1 &
  STACK_PID=$!
  started "$RESULTS/stack-first-start.log" "$STACK_PID" "Session Ledger is up" 300 "the stack's first start"
  stop_stack
fi

# A fresh database every run, so every run seeds and measures the same data.
rm -rf "$DATA"
mkdir -p "$DATA"
log "starting the stack (gateway $GATEWAY, mcp-gateway $MCP_GATEWAY, PostgreSQL $PGPORT)"
LOCAL_DATA_DIR=$DATA GATEWAY_PORT=$BASE SESSIONS_PORT=$((BASE + 1)) MESSAGES_PORT=$((BASE + 2)) \
  THREADS_PORT=$((BASE + 3)) MCP_GATEWAY_PORT=$((BASE + 4)) CONSOLE_PORT=$((BASE + 7)) POSTGRES_PORT=$PGPORT SERVICE_JVM_OPTIONS="$JVM_OPTIONS" \
  setsid java -jar deploy/local/target/local-stack.jar > "$RESULTS/stack.log" 2>&1 &
STACK_PID=$!
started "$RESULTS/stack.log" "$STACK_PID" "Session Ledger is up" 180 "the stack"
grep -o "up in [0-9.]* s" "$RESULTS/stack.log" | sed 's/up in //; s/ s//' > "$RESULTS/stack-ready-seconds"
for service in sessions-service messages-service threads-service mcp-gateway; do
  grep -o "started in [0-9.]*s" "$DATA/logs/$service.log" | head -1 | sed 's/started in //; s/s//' \
    > "$RESULTS/$service-started-seconds"
done
# shellcheck disable=SC1091
source "$DATA/tokens.env"
psql -Atc "select version()" -d postgres > "$RESULTS/postgres-version"
WRK=(wrk -c "$CONNECTIONS" -t "$THREADS" --latency --timeout 10s)

for part in "${PARTS[@]}"; do
  # shellcheck source=/dev/null
  source "$BENCH/$part.sh"
done

# Resident memory of each service after the run.
for service in sessions-service messages-service threads-service mcp-gateway; do
  pid=$(pgrep -f "$ROOT/$service/target/quarkus-app/quarkus-run.jar" | head -1)
  awk '/^VmRSS/ {print $2}' "/proc/$pid/status" > "$RESULTS/$service-rss-kb"
done

{
  echo "cores=$(nproc)"
  echo "memory=$(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "postgres=$(cut -d, -f1 "$RESULTS/postgres-version")"
  echo "wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  [ -s "$RESULTS/nginx-version" ] && echo "nginx=$(sed 's/^nginx version: //' "$RESULTS/nginx-version")"
  echo "pgbench=$(pgbench --version)"
  echo "load=$CONNECTIONS connections, $THREADS threads, ${DURATION} s per figure after ${WARMUP} s of warm-up"
  echo "load_average=$LOAD_BEFORE at the start, $(load_average) at the end (1, 5 and 15 minutes)"
} > "$RESULTS/machine"

stop_started
python3 "$BENCH/summarize.py" "$RESULTS" | tee "$RESULTS/summary.md"
log "results in $RESULTS"
