#!/usr/bin/env bash
# Start the project's local Schema Registry: Apicurio Registry (Confluent-compatible API,
# in-memory storage) from Maven Central, for the Schema Registry converters' specs.
#
#   URL  http://127.0.0.1:${SCHEMA_REGISTRY_PORT:-8081}/apis/ccompat/v7
#
# Idempotent: exits 0 if ours is already up on that port. If SCHEMA_REGISTRY_URL is set, that
# registry is used and nothing is started. The tarball is fetched once into ~/.m2 and unpacked
# into <repo>/.schema-registry/. Stop with scripts/schema-registry/stop.sh.
set -euo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

if [[ -n "${SCHEMA_REGISTRY_URL:-}" ]]; then
  sr_log "SCHEMA_REGISTRY_URL is set ($SCHEMA_REGISTRY_URL): using that registry, not starting one."
  exit 0
fi

mkdir -p "$SR_STATE_DIR"
exec 9>"$SR_STATE_DIR/.lock"
if ! flock -w 120 9; then
  sr_err "another start.sh/stop.sh holds $SR_STATE_DIR/.lock"
  exit 1
fi

if pid="$(sr_find_pid)"; then
  running_port="$(cat "$SR_PORT_FILE" 2>/dev/null || echo "?")"
  if [[ "$running_port" != "$SR_PORT" ]]; then
    sr_err "our registry is already running (pid $pid) on port $running_port, not $SR_PORT; run scripts/schema-registry/stop.sh first"
    exit 1
  fi
  for _ in $(seq 1 60); do
    if sr_ready "$SR_PORT"; then
      sr_log "Schema Registry already running (pid $pid) on $SR_HOST:$SR_PORT."
      exit 0
    fi
    sleep 1
  done
  sr_err "registry process $pid does not answer on $SR_HOST:$SR_PORT; stop it with scripts/schema-registry/stop.sh"
  exit 1
fi

if (exec 3<>"/dev/tcp/$SR_HOST/$SR_PORT") 2>/dev/null; then
  sr_err "port $SR_PORT on $SR_HOST is in use by another process; set SCHEMA_REGISTRY_PORT to a free port, or SCHEMA_REGISTRY_URL to use that registry"
  exit 1
fi

command -v java >/dev/null || { sr_err "java is required (11 or newer)"; exit 1; }

if [[ ! -f "$SR_TARBALL" ]]; then
  command -v mvn >/dev/null || { sr_err "mvn is required to fetch Apicurio Registry"; exit 1; }
  sr_log "Fetching Apicurio Registry $SR_VERSION from Maven Central..."
  mvn -B -q dependency:get -Dtransitive=false \
    -Dartifact="io.apicurio:apicurio-registry-app:$SR_VERSION:tar.gz:all"
fi
if [[ ! -f "$SR_APP_DIR/apicurio-registry-app-$SR_VERSION-runner.jar" ]]; then
  # dependency:unpack cannot resolve this artifact's parent pom: unpack with tar instead.
  rm -rf "$SR_APP_DIR.tmp"
  mkdir -p "$SR_APP_DIR.tmp"
  tar xzf "$SR_TARBALL" -C "$SR_APP_DIR.tmp"
  rm -rf "$SR_APP_DIR"
  mv "$SR_APP_DIR.tmp" "$SR_APP_DIR"
fi

sr_log "Starting Apicurio Registry $SR_VERSION on $SR_HOST:$SR_PORT (log: $SR_LOG)..."
cd "$SR_APP_DIR"
# setsid: a Ctrl-C of the test runner must not reach the registry. The management interface is
# bound to loopback on an ephemeral port so that it never clashes or listens publicly.
setsid nohup java -Xmx256m \
  -Dquarkus.http.host="$SR_HOST" -Dquarkus.http.port="$SR_PORT" \
  -Dquarkus.management.host="$SR_HOST" -Dquarkus.management.port=0 \
  -jar "apicurio-registry-app-$SR_VERSION-runner.jar" </dev/null >"$SR_LOG" 2>&1 9>&- &
pid=$!
printf '%s\n' "$pid" >"$SR_PID_FILE"
printf '%s\n' "$SR_PORT" >"$SR_PORT_FILE"

for _ in $(seq 1 "${SCHEMA_REGISTRY_START_TIMEOUT:-90}"); do
  if sr_ready "$SR_PORT"; then
    sr_log "Schema Registry ready on http://$SR_HOST:$SR_PORT/apis/ccompat/v7 (pid $pid)."
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    sr_err "Apicurio Registry exited during startup; last lines of $SR_LOG:"
    tail -n 30 "$SR_LOG" >&2
    rm -f "$SR_PID_FILE"
    exit 1
  fi
  sleep 1
done
sr_err "Apicurio Registry did not answer within ${SCHEMA_REGISTRY_START_TIMEOUT:-90}s; last lines of $SR_LOG:"
tail -n 30 "$SR_LOG" >&2
kill -TERM "$pid" 2>/dev/null || true
rm -f "$SR_PID_FILE"
exit 1
