#!/usr/bin/env bash
# Builds what is needed and starts the local stack: embedded PostgreSQL, the three services,
# mcp-gateway, the console and the gateway on http://localhost:8080. Ctrl-C (or SIGTERM) stops
# everything. SKIP_BUILD=1 starts the last build as it is.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -B -q -DskipTests package
fi
exec java -jar deploy/local/target/local-stack.jar
