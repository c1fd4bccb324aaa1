#!/usr/bin/env bash
# Stop the project's local Kafka broker started by scripts/kafka/start.sh.
#
#   stop.sh            SIGTERM (controlled shutdown), wait up to KAFKA_STOP_TIMEOUT (30 s),
#                      then SIGKILL. Removes the pid file. Nothing running -> exit 0.
#   stop.sh --clean    additionally delete the broker's data and logs (<repo>/.kafka/data,
#                      .kafka/logs); the next start formats fresh storage. The cached
#                      classpath is kept.
#
# Only touches the JVM running kafka.Kafka with <repo>/.kafka/server.properties.
set -euo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

clean=""
for arg in "$@"; do
  case "$arg" in
    --clean) clean=1 ;;
    -h | --help)
      sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      kafka_err "unknown argument: $arg"
      exit 2
      ;;
  esac
done

STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

if [[ -d "$KAFKA_STATE_DIR" ]]; then
  exec 9>"$KAFKA_STATE_DIR/.lock"
  if ! flock -w 120 9; then
    kafka_err "another start.sh/stop.sh holds $KAFKA_STATE_DIR/.lock"
    exit 1
  fi
fi

stop_ms="$(kafka_now_ms)"
if pid="$(kafka_find_pid)"; then
  kafka_log "Stopping Kafka (pid $pid)..."
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$(($(date +%s) + STOP_TIMEOUT))
  while kafka_pid_alive "$pid" && (($(date +%s) < deadline)); do
    sleep 0.2
  done
  if kafka_pid_alive "$pid"; then
    kafka_log "Kafka did not stop within ${STOP_TIMEOUT}s; sending SIGKILL."
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kafka_pid_alive "$pid" || break
      sleep 0.1
    done
  fi
  if kafka_pid_alive "$pid"; then
    kafka_err "Kafka (pid $pid) is still alive after SIGKILL"
    exit 1
  fi
  kafka_log "Kafka stopped in $(kafka_elapsed "$stop_ms") s."
else
  kafka_log "Kafka is not running."
fi
rm -f "$KAFKA_PID_FILE"

# A second instance can only exist if someone started one by hand; make sure none is left.
if leftover="$(kafka_find_pid)"; then
  kafka_err "another broker with our config is still running (pid $leftover); run stop.sh again"
  exit 1
fi

if [[ -n "$clean" ]]; then
  rm -rf "$KAFKA_DATA_DIR" "$KAFKA_LOG_DIR" "$KAFKA_CONFIG"
  kafka_log "Deleted $KAFKA_DATA_DIR and $KAFKA_LOG_DIR."
fi
