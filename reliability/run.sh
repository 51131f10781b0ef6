#!/usr/bin/env bash
# The fault suite in one command: builds the project, starts a local stack of its own (its own ports
# and data directory), runs the scenarios of RELIABILITY.md against it, prints the table of figures,
# and stops everything it started. Exits non-zero when a target is missed.
# Results: reliability/results/<UTC time>/ (summary.md, the raw log of each scenario, the stack's and
# the services' logs).
#
# Environment: SKIP_BUILD=1 uses the last build; SEED replays a run; SCENARIOS (comma-separated:
# fuzz, tenants, retries, outage, restart, service-kill, postgres-kill; default all);
# FUZZ_REQUESTS (default 10000), FUZZ_CONCURRENCY (4), KILL_TRIALS (20), RESTART_TRIALS (2),
# WRITERS (client threads writing under each fault, 4); RELIABILITY_PORT_BASE (default 38080) puts
# the gateway there, the services on the next three ports and mcp-gateway on the fourth; RELIABILITY_PG_PORT (default 38432).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "[fault] building"
  ./mvnw -B -q -DskipTests package
fi
# exec: Ctrl-C and SIGTERM reach the suite, whose shutdown hook stops the stack it started.
exec java -jar reliability/target/reliability.jar
