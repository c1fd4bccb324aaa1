#!/usr/bin/env bash
# Stop the Schema Registry that scripts/schema-registry/start.sh started (if any).
# Its storage is in memory: every start begins empty.
set -euo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

mkdir -p "$SR_STATE_DIR"
exec 9>"$SR_STATE_DIR/.lock"
flock -w 120 9 || { sr_err "another start.sh/stop.sh holds $SR_STATE_DIR/.lock"; exit 1; }

if ! pid="$(sr_find_pid)"; then
  sr_log "Schema Registry is not running."
  rm -f "$SR_PID_FILE" "$SR_PORT_FILE"
  exit 0
fi
kill -TERM "$pid"
for _ in $(seq 1 30); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
if kill -0 "$pid" 2>/dev/null; then
  sr_log "still running after 30 s; killing pid $pid"
  kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$SR_PID_FILE" "$SR_PORT_FILE"
sr_log "Schema Registry stopped (pid $pid)."
