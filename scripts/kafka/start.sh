#!/usr/bin/env bash
# Start the project's local single-node Apache Kafka 4.x broker (KRaft, broker+controller).
#
#   PLAINTEXT       127.0.0.1:${KAFKA_PORT:-9092}
#   CONTROLLER      127.0.0.1:${KAFKA_CONTROLLER_PORT:-9093}
#   SASL_PLAINTEXT  127.0.0.1:${KAFKA_SASL_PORT:-9094}  (PLAIN; admin/admin-secret, sink/sink-secret)
#   SSL             127.0.0.1:${KAFKA_SSL_PORT:-9095}   (no client certificate)
#   SSL (mutual)    127.0.0.1:${KAFKA_MTLS_PORT:-9096}  (client certificate required)
#   SASL_SSL        127.0.0.1:${KAFKA_SASL_SSL_PORT:-9097}  (PLAIN as above; SCRAM-SHA-256/512 sink/sink-secret)
#
# Idempotent: exits 0 if our broker is already up and serving. If KAFKA_BOOTSTRAP_SERVERS is
# set, an external broker is used and nothing is started. Jars come from Maven Central via
# scripts/kafka/pom.xml; state lives in <repo>/.kafka/. Stop with scripts/kafka/stop.sh.
set -euo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
# shellcheck source=tls.sh
source "$KAFKA_SCRIPT_DIR/tls.sh"

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  -h | --help)
    usage
    exit 0
    ;;
  "") ;;
  *)
    kafka_err "unknown argument: $1"
    exit 2
    ;;
esac

START_MS="$(kafka_now_ms)"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"

if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
  kafka_log "KAFKA_BOOTSTRAP_SERVERS is set ($KAFKA_BOOTSTRAP_SERVERS): using that existing broker, not starting a local one."
  exit 0
fi

kafka_check_ports_valid

mkdir -p "$KAFKA_STATE_DIR" "$KAFKA_DATA_DIR" "$KAFKA_LOG_DIR"

# Serialise concurrent start.sh / stop.sh runs. fd 9 is closed for the broker (9>&-).
exec 9>"$KAFKA_STATE_DIR/.lock"
if ! flock -w 180 9; then
  kafka_err "another start.sh/stop.sh holds $KAFKA_STATE_DIR/.lock"
  exit 1
fi

# server.log is appended to across restarts: on failure show only what this start wrote.
LOG_OFFSET=0
print_log_tail() {
  local f="$KAFKA_LOG_DIR/server.log" size
  if [[ -s "$KAFKA_LOG_DIR/kafka.out" ]]; then
    printf '[kafka] ---- last lines of %s ----\n' "$KAFKA_LOG_DIR/kafka.out" >&2
    tail -n 20 "$KAFKA_LOG_DIR/kafka.out" >&2
  fi
  size="$(stat -c %s "$f" 2>/dev/null || echo 0)"
  ((size < LOG_OFFSET)) && LOG_OFFSET=0 # rolled over
  if ((size > LOG_OFFSET)); then
    printf '[kafka] ---- last lines of %s (this start) ----\n' "$f" >&2
    tail -c +"$((LOG_OFFSET + 1))" "$f" | tail -n 40 >&2
  else
    printf '[kafka] (%s has no new lines from this start)\n' "$f" >&2
  fi
}

listeners_text() {
  printf 'PLAINTEXT %s, SASL_PLAINTEXT %s, SSL %s, mutual TLS %s, SASL_SSL %s; certificates in %s' \
    "$KAFKA_PORT" "$KAFKA_SASL_PORT" "$KAFKA_SSL_PORT" "$KAFKA_MTLS_PORT" "$KAFKA_SASL_SSL_PORT" "$KAFKA_TLS_DIR"
}

ready_message() {
  kafka_log "Kafka ready on $KAFKA_HOST ($(listeners_text)) in $(kafka_elapsed "$START_MS") s"
}

# --- Already running? ---------------------------------------------------------------------
if pid="$(kafka_find_pid)"; then
  requested="$(kafka_ports_text)"
  kafka_load_running_ports || true
  if [[ "$requested" != "$(kafka_ports_text)" ]]; then
    kafka_err "our broker is already running (pid $pid) on ports $(kafka_ports_text) (${KAFKA_PORT_NAMES[*]}), not the requested $requested. Run scripts/kafka/stop.sh first to change ports."
    exit 1
  fi
  if kafka_wait_ready 5 "$pid" once >/dev/null 2>&1; then
    kafka_log "Kafka is already running (pid $pid) and serving on $KAFKA_HOST ($(listeners_text))."
    exit 0
  fi
  kafka_log "Kafka process $pid exists but is not serving yet; waiting up to ${START_TIMEOUT}s..."
  if kafka_wait_ready "$START_TIMEOUT" "$pid"; then
    ready_message
    exit 0
  fi
  kafka_err "Kafka (pid $pid) did not become ready; stop it with scripts/kafka/stop.sh"
  print_log_tail
  exit 1
fi

# --- Preconditions -----------------------------------------------------------------------
kafka_require_java
kafka_require_maven

port_in_use() {
  # Connect test only (no data sent); works without ss/netstat.
  (exec 3<>"/dev/tcp/$KAFKA_HOST/$1") 2>/dev/null
}
for port_name in "${KAFKA_PORT_NAMES[@]}"; do
  port="${!port_name}"
  if port_in_use "$port"; then
    kafka_err "port $port on $KAFKA_HOST is already in use by another process (not our broker):"
    if command -v ss >/dev/null 2>&1; then
      ss -ltnp "sport = :$port" >&2 || true
    fi
    kafka_err "free it, choose other ports ($port_name or the other ${KAFKA_PORT_NAMES[*]}), or point KAFKA_BOOTSTRAP_SERVERS at an existing broker."
    exit 1
  fi
done

# --- Classpath (Maven, cached) ---------------------------------------------------------------
kafka_resolve_classpath

# --- TLS material (generated once, cached in .kafka/tls) ---------------------------------------
kafka_tls_ensure

# --- Config ---------------------------------------------------------------------------------------
config="$(<"$KAFKA_SCRIPT_DIR/server.properties.template")"
config="${config//@KAFKA_PORT@/$KAFKA_PORT}"
config="${config//@KAFKA_CONTROLLER_PORT@/$KAFKA_CONTROLLER_PORT}"
config="${config//@KAFKA_SASL_PORT@/$KAFKA_SASL_PORT}"
config="${config//@KAFKA_SSL_PORT@/$KAFKA_SSL_PORT}"
config="${config//@KAFKA_MTLS_PORT@/$KAFKA_MTLS_PORT}"
config="${config//@KAFKA_SASL_SSL_PORT@/$KAFKA_SASL_SSL_PORT}"
config="${config//@KAFKA_TLS_DIR@/$KAFKA_TLS_DIR}"
config="${config//@KAFKA_TLS_STORE_PASSWORD@/$KAFKA_TLS_STORE_PASSWORD}"
config="${config//@KAFKA_DATA_DIR@/$KAFKA_DATA_DIR}"
printf '%s\n' "$config" >"$KAFKA_CONFIG.tmp"
mv -f "$KAFKA_CONFIG.tmp" "$KAFKA_CONFIG"

# --- JVM options -------------------------------------------------------------------------------
read -r -a heap_opts <<<"${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
read -r -a extra_opts <<<"${KAFKA_OPTS:-}"
jvm_opts=(
  "${heap_opts[@]}"
  -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
  -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError
  -XX:ErrorFile="$KAFKA_LOG_DIR/hs_err_pid%p.log"
  -Djava.awt.headless=true
  -Dlog4j2.configurationFile="$KAFKA_SCRIPT_DIR/log4j2.xml"
  -Dkafka.logs.dir="$KAFKA_LOG_DIR"
  -Djava.security.auth.login.config="$KAFKA_SCRIPT_DIR/kafka_server_jaas.conf"
)

# --- Format KRaft storage on first start ---------------------------------------------------------
if [[ ! -f "$KAFKA_DATA_DIR/meta.properties" ]]; then
  kafka_scram_format_args
  # A cluster id is a base64url-encoded random UUID (22 chars); avoid a leading '-' (CLI-unsafe).
  cluster_id=""
  while [[ -z "$cluster_id" || "$cluster_id" == -* ]]; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  done
  kafka_log "Formatting KRaft storage in $KAFKA_DATA_DIR (cluster id $cluster_id)..."
  format_ms="$(kafka_now_ms)"
  if ! "$KAFKA_JAVA" -Xms64m -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$KAFKA_SCRIPT_DIR/log4j2-tools.xml" \
    -cp "$KAFKA_CLASSPATH" kafka.tools.StorageTool format \
    --cluster-id "$cluster_id" --config "$KAFKA_CONFIG" "${KAFKA_SCRAM_FORMAT_ARGS[@]}" \
    >"$KAFKA_LOG_DIR/format.log" 2>&1; then
    kafka_err "storage format failed:"
    cat "$KAFKA_LOG_DIR/format.log" >&2
    exit 1
  fi
  touch "$(kafka_scram_marker)"
  kafka_log "Storage formatted in $(kafka_elapsed "$format_ms") s."
fi

# --- Launch ---------------------------------------------------------------------------------------
# All paths are absolute; run from the state dir so nothing lands in the caller's cwd.
cd "$KAFKA_STATE_DIR"

launch_broker() {
  kafka_log "Starting Kafka broker (logs: $KAFKA_LOG_DIR/server.log)..."
  LOG_OFFSET="$(stat -c %s "$KAFKA_LOG_DIR/server.log" 2>/dev/null || echo 0)"
  # setsid: own session, so Ctrl-C / SIGHUP of the calling terminal or test runner does not
  # reach the broker. fd 9 (the start/stop lock) is not inherited.
  setsid nohup "$KAFKA_JAVA" "${jvm_opts[@]}" "${KAFKA_CDS_OPTS[@]}" "${extra_opts[@]}" \
    -cp "$KAFKA_CLASSPATH" "$KAFKA_MAIN_CLASS" "$KAFKA_CONFIG" \
    </dev/null >"$KAFKA_LOG_DIR/kafka.out" 2>&1 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$KAFKA_PID_FILE"
}

# --- Wait until it really serves (Metadata on PLAINTEXT + SASL/PLAIN login on the SASL port) ---
kafka_cds_setup
launch_broker
export KAFKA_WARM_GROUPS=1
set +e
kafka_wait_ready "$START_TIMEOUT" "$pid"
rc=$?
if ((rc == 2)) && [[ "$KAFKA_CDS_MODE" == "use" ]] &&
  { [[ -f "$KAFKA_LOG_DIR/hs_err_pid$pid.log" ]] ||
    grep -qiE 'fatal error|shared archive|SharedArchiveFile' "$KAFKA_LOG_DIR/kafka.out"; }; then
  # The JVM died on the class-data archive: drop the archive and try once without it.
  kafka_log "Broker JVM failed with the CDS archive; retrying without it."
  rm -f "$KAFKA_CDS_ARCHIVE"
  KAFKA_CDS_OPTS=()
  launch_broker
  kafka_wait_ready "$START_TIMEOUT" "$pid"
  rc=$?
fi
set -e
if ((rc == 0)); then
  kafka_scram_ensure "$pid" || exit 1
  ready_message
  exit 0
fi

case "$rc" in
  2) kafka_err "Kafka exited during startup." ;;
  3) kafka_err "Kafka started but rejected SASL/PLAIN login as '$KAFKA_PROBE_SASL_USER' (check kafka_server_jaas.conf)." ;;
  *) kafka_err "Kafka did not answer a metadata request within ${START_TIMEOUT}s." ;;
esac
print_log_tail
kafka_err "Hints: port clash or stale state? If .kafka/data was written by another Kafka version, run scripts/kafka/stop.sh --clean (deletes topics) and start again."
if kafka_pid_alive "$pid"; then
  kafka_err "stopping the half-started broker (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kafka_pid_alive "$pid" || break
    sleep 1
  done
  kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$KAFKA_PID_FILE"
exit 1
