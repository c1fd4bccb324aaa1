#!/usr/bin/env bash
# Exit 0 if the project's local Kafka broker is up and serving (its JVM is alive and a
# metadata request plus a SASL/PLAIN login succeed), else exit 1. Quiet unless -v.
#
#   status.sh [-v]
set -uo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

verbose=""
for arg in "$@"; do
  case "$arg" in
    -v | --verbose) verbose=1 ;;
    -h | --help)
      sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      kafka_err "unknown argument: $arg"
      exit 2
      ;;
  esac
done

say() { [[ -n "$verbose" ]] && kafka_log "$@"; return 0; }

if ! kafka_check_ports_valid 2>/dev/null; then
  say "invalid KAFKA_*PORT settings"
  exit 1
fi

if ! pid="$(kafka_find_pid)"; then
  say "Kafka is not running (no kafka.Kafka process with $KAFKA_CONFIG)."
  [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]] && say "(KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS points at an external broker.)"
  exit 1
fi

kafka_load_running_ports || true

if [[ -n "$verbose" ]]; then
  KAFKA_VERBOSE=1 kafka_wait_ready 5 "$pid" once
else
  kafka_wait_ready 5 "$pid" once >/dev/null 2>&1
fi
rc=$?
if ((rc == 0)); then
  say "Kafka is running (pid $pid) and serving on $KAFKA_HOST:$KAFKA_PORT (SASL_PLAINTEXT $KAFKA_SASL_PORT, SSL $KAFKA_SSL_PORT, mutual TLS $KAFKA_MTLS_PORT, SASL_SSL $KAFKA_SASL_SSL_PORT)."
  exit 0
fi
say "Kafka process $pid is alive but not serving requests (probe exit $rc); see $KAFKA_LOG_DIR/server.log"
exit 1
