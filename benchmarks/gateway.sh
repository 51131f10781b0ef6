# The gateway part of benchmarks/run.sh, sourced by it on the stack it started (ONLY=gateway runs
# this part alone, with no seed): tools/call of an echo tool of a real MCP server (mcp-upstream,
# the Java MCP SDK in an embedded Tomcat; its stamped_echo) straight to it and through
# mcp-gateway, at the same connections and back to back, GATEWAY_ROUNDS times; then recording runs
# of a fixed number of calls (at the gateway's closed-loop rate, and at half of it), during which
# the gateway's metrics are watched, after which the messages stored for their sessions are counted
# and their recording lag read. Raw outputs go to $RESULTS/mcp_*.

MCP_PROTOCOL=2025-06-18
UPSTREAM=http://127.0.0.1:$UPSTREAM_PORT
METRICS=$MCP_GATEWAY/q/metrics
mcp() { python3 "$BENCH/mcp_bench.py" "$@"; }
# calls URL PATH SESSIONS TOKEN|- SECONDS [CALLS PER THREAD PAUSE_MS]
calls() {
  local url=$1 path=$2 sessions=$3 token=$4 seconds=$5
  shift 5
  "${WRK[@]}" -d "${seconds}s" -s "$BENCH/wrk/mcp_call.lua" "$url" -- "$sessions" "$path" "$MCP_PROTOCOL" "$THREADS" \
    "$token" "$@"
}

log "gateway: starting the echo MCP upstream on $UPSTREAM"
setsid java $JVM_OPTIONS -jar "$ROOT/mcp-upstream/target/mcp-upstream-runnable.jar" "$UPSTREAM_PORT" \
  > "$RESULTS/mcp_upstream.log" 2>&1 &
UPSTREAM_PID=$!
started "$RESULTS/mcp_upstream.log" "$UPSTREAM_PID" "listening on" 30 "the MCP upstream"

PROVIDER=$(mcp provider "$GATEWAY" "$ADMIN_TOKEN" "$UPSTREAM/mcp")
VIA="/mcp/$PROVIDER"
log "gateway: provider $PROVIDER; $CONNECTIONS sessions each straight and through mcp-gateway"
mcp sessions "$UPSTREAM/mcp" - "$MCP_PROTOCOL" "$CONNECTIONS" > "$RESULTS/mcp_sessions.direct"
mcp sessions "$MCP_GATEWAY$VIA" "$ADMIN_TOKEN" "$MCP_PROTOCOL" "$CONNECTIONS" > "$RESULTS/mcp_sessions.via"
mcp metrics "$METRICS" > "$RESULTS/mcp_metrics.start.json"

# The JIT compiles the gateway's path (and the lookups and ingest it makes the services do) over
# thousands of calls, which take longer to come through the gateway than straight.
log "gateway: warming up, ${GATEWAY_WARMUP}s through mcp-gateway and $((2 * ${WARMUP_PASS:-5}))s straight"
calls "$MCP_GATEWAY" "$VIA" "$RESULTS/mcp_sessions.via" "$ADMIN_TOKEN" "$GATEWAY_WARMUP" > /dev/null
calls "$UPSTREAM" /mcp "$RESULTS/mcp_sessions.direct" - "$((2 * ${WARMUP_PASS:-5}))" > /dev/null
# measured NAME URL PATH SESSIONS TOKEN|-: WARMUP s, then DURATION s with the CPU every process used
measured() {
  calls "$2" "$3" "$4" "$5" "$WARMUP" > /dev/null
  mcp cpu "$ROOT" "$DATA" "$UPSTREAM_PID" > "$RESULTS/$1.cpu.before"
  calls "$2" "$3" "$4" "$5" "$DURATION" > "$RESULTS/$1.wrk"
  mcp cpu "$ROOT" "$DATA" "$UPSTREAM_PID" > "$RESULTS/$1.cpu.after"
}
for round in $(seq 1 "$GATEWAY_ROUNDS"); do
  log "gateway: round $round, tools/call straight to the upstream then through mcp-gateway, wrk ${DURATION}s each"
  measured "mcp_direct_$round" "$UPSTREAM" /mcp "$RESULTS/mcp_sessions.direct" -
  measured "mcp_via_$round" "$MCP_GATEWAY" "$VIA" "$RESULTS/mcp_sessions.via" "$ADMIN_TOKEN"
done

# One connection, one call at a time: what the gateway adds to a call when nothing queues for the
# two cores (at the rounds' connections every process queues for them, so their added latency is
# mostly waiting for a core).
single() {
  calls_at_one "$2" "$3" "$4" "$5" "$WARMUP" > /dev/null
  calls_at_one "$2" "$3" "$4" "$5" "$DURATION" > "$RESULTS/$1.wrk"
}
calls_at_one() {
  wrk -c 1 -t 1 --latency --timeout 10s -d "${5}s" -s "$BENCH/wrk/mcp_call.lua" "$1" -- "$3" "$2" "$MCP_PROTOCOL" 1 "$4"
}
log "gateway: one connection, tools/call straight to the upstream then through mcp-gateway, wrk ${DURATION}s each"
single mcp_single_direct "$UPSTREAM" /mcp "$RESULTS/mcp_sessions.direct" -
single mcp_single_via "$MCP_GATEWAY" "$VIA" "$RESULTS/mcp_sessions.via" "$ADMIN_TOKEN"

# A recording run: a fixed number of calls through mcp-gateway at the same connections, in sessions
# of their own, after which each connection sends nothing more, so that every call is answered
# within the run and every message due can be counted; meanwhile the gateway's metrics are watched.
# recording NAME CALLS_PER_THREAD PAUSE_MS (each connection's pause after an answer)
recording() {
  local name=$1 quota=$2 pause=$3 run=$RESULTS/mcp_recording_$1
  mcp sessions "$MCP_GATEWAY$VIA" "$ADMIN_TOKEN" "$MCP_PROTOCOL" "$CONNECTIONS" > "$run.sessions"
  for _ in $(seq 1 300); do
    python3 -c 'import json, sys; sys.exit(json.load(sys.stdin)["buffered"] > 0)' < <(mcp metrics "$METRICS") && break
    sleep 0.1
  done
  log "gateway: recording run $name, $((quota * THREADS)) calls through mcp-gateway, ${pause} ms pause per answer"
  mcp metrics "$METRICS" > "$run.before.json"
  mcp watch "$METRICS" "$run.before.json" "$((quota * THREADS))" "$((DURATION * 4 + 60))" > "$run.watch.json" &
  local watcher=$!
  # Once its quota is sent a connection waits past the end; wrk counts each such wait as a socket
  # timeout, which here is no error (the script counts the calls answered).
  calls "$MCP_GATEWAY" "$VIA" "$run.sessions" "$ADMIN_TOKEN" "$((DURATION * 2 + 5))" "$quota" "$pause" > "$run.wrk"
  wait "$watcher"
  mcp stored messages "$run.sessions" > "$run.stored.json"
}

# At the gateway's closed-loop rate (no pause, as many calls as the best round passed in DURATION),
# the highest it reaches here; then at half of it, each connection pausing after an answer as long
# as a call took at the full rate (Little's law), which shows the lag of a recorder not near its limit.
best=$(grep -h "Requests/sec:" "$RESULTS"/mcp_via_*.wrk | awk '{ if ($2 > max) max = $2 } END { printf "%d", max }')
[ "$best" -gt 0 ] || { log "no calls passed through mcp-gateway"; exit 1; }
recording 1_full "$((best * DURATION / THREADS))" 0
recording 2_half "$((best * DURATION / THREADS / 2))" "$((1000 * CONNECTIONS / best))"
mcp metrics "$METRICS" > "$RESULTS/mcp_metrics.end.json"

kill -TERM -- "-$UPSTREAM_PID" 2>/dev/null || true
wait "$UPSTREAM_PID" 2>/dev/null || true
UPSTREAM_PID=
