# shellcheck shell=bash
# Shared settings for scripts/schema-registry/*.sh (sourced, not run).
SR_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SR_REPO_DIR="$(cd "$SR_SCRIPT_DIR/../.." && pwd)"
SR_VERSION="${SCHEMA_REGISTRY_APICURIO_VERSION:-3.0.9}"
SR_HOST=127.0.0.1
SR_PORT="${SCHEMA_REGISTRY_PORT:-8081}"
SR_STATE_DIR="${SCHEMA_REGISTRY_STATE_DIR:-$SR_REPO_DIR/.schema-registry}"
SR_PID_FILE="$SR_STATE_DIR/registry.pid"
SR_PORT_FILE="$SR_STATE_DIR/registry.port"
SR_LOG="$SR_STATE_DIR/registry.log"
SR_M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
SR_TARBALL="$SR_M2/io/apicurio/apicurio-registry-app/$SR_VERSION/apicurio-registry-app-$SR_VERSION-all.tar.gz"
SR_APP_DIR="$SR_STATE_DIR/apicurio-$SR_VERSION"

sr_log() { printf '[schema-registry] %s\n' "$*"; }
sr_err() { printf '[schema-registry] ERROR: %s\n' "$*" >&2; }

# The pid in the pid file, if that process is alive and is our registry.
sr_find_pid() {
  local pid
  [[ -f "$SR_PID_FILE" ]] || return 1
  pid="$(<"$SR_PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  grep -q "apicurio-registry-app" "/proc/$pid/cmdline" 2>/dev/null || return 1
  printf '%s\n' "$pid"
}

# True when the Confluent-compatible API answers on the given port.
sr_ready() {
  curl -fsS -o /dev/null --max-time 2 "http://$SR_HOST:$1/apis/ccompat/v7/subjects" 2>/dev/null
}
