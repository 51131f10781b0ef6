#!/usr/bin/env bash
# Records demo data into the running local stack (deploy/local/run.sh) through the public write
# APIs, as the demo admin of tenant demo, and prints where the console shows it. Run it again for
# another set. LOCAL_DATA_DIR and GATEWAY_PORT as for run.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec java -cp deploy/local/target/local-stack.jar dev.sessionledger.local.DemoRecording
