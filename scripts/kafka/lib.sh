# shellcheck shell=bash
# Shared helpers for scripts/kafka/{start,stop,status}.sh. Source it; do not run it.
#
# Layout (all state is under <repo>/.kafka/, which is git-ignored):
#   .kafka/server.properties        rendered from scripts/kafka/server.properties.template
#   .kafka/data/                    KRaft metadata + topic data (log.dirs)
#   .kafka/logs/server.log          broker log (log4j2.xml)
#   .kafka/logs/kafka.out           JVM stdout/stderr
#   .kafka/kafka.pid                pid of the broker JVM
#   .kafka/classpath-<hash>.txt     cached `mvn dependency:build-classpath` output
#
# Environment knobs:
#   KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_SASL_PORT (9094)
#   KAFKA_SSL_PORT (9095), KAFKA_MTLS_PORT (9096), KAFKA_SASL_SSL_PORT (9097)
#   KAFKA_START_TIMEOUT (90 s), KAFKA_STOP_TIMEOUT (30 s)
#   KAFKA_HEAP_OPTS (-Xms256m -Xmx768m), KAFKA_OPTS (extra JVM flags)
#   KAFKA_READY_PROBE (auto|node|java), JAVA_HOME, MAVEN_OPTS (e.g. -Dmaven.repo.local=...)

# Variables below are used by the scripts that source this file.
# shellcheck disable=SC2034
KAFKA_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KAFKA_REPO_ROOT="$(cd "$KAFKA_SCRIPT_DIR/../.." && pwd)"
KAFKA_STATE_DIR="$KAFKA_REPO_ROOT/.kafka"
KAFKA_DATA_DIR="$KAFKA_STATE_DIR/data"
KAFKA_LOG_DIR="$KAFKA_STATE_DIR/logs"
KAFKA_PID_FILE="$KAFKA_STATE_DIR/kafka.pid"
KAFKA_CONFIG="$KAFKA_STATE_DIR/server.properties"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_SASL_PORT="${KAFKA_SASL_PORT:-9094}"
KAFKA_SSL_PORT="${KAFKA_SSL_PORT:-9095}"
KAFKA_MTLS_PORT="${KAFKA_MTLS_PORT:-9096}"
KAFKA_SASL_SSL_PORT="${KAFKA_SASL_SSL_PORT:-9097}"
# Every port variable, in the order start.sh reports them.
KAFKA_PORT_NAMES=(KAFKA_PORT KAFKA_CONTROLLER_PORT KAFKA_SASL_PORT KAFKA_SSL_PORT KAFKA_MTLS_PORT KAFKA_SASL_SSL_PORT)
KAFKA_HOST="127.0.0.1"

# Credentials the readiness probe uses on the SASL listener (see kafka_server_jaas.conf).
KAFKA_PROBE_SASL_USER="sink"
KAFKA_PROBE_SASL_PASSWORD="sink-secret"

KAFKA_MAIN_CLASS="kafka.Kafka"

kafka_log() { printf '[kafka] %s\n' "$*"; }
kafka_err() { printf '[kafka] ERROR: %s\n' "$*" >&2; }

kafka_now_ms() { date +%s%3N; }

# Prints elapsed seconds with one decimal since the given kafka_now_ms value.
kafka_elapsed() {
  local start="$1" now
  now="$(kafka_now_ms)"
  awk -v a="$start" -v b="$now" 'BEGIN { printf "%.1f", (b - a) / 1000 }'
}

kafka_check_ports_valid() {
  local name value
  local -A seen=()
  for name in "${KAFKA_PORT_NAMES[@]}"; do
    value="${!name}"
    if ! [[ "$value" =~ ^[0-9]+$ ]] || ((value < 1 || value > 65535)); then
      kafka_err "$name='$value' is not a valid TCP port"
      return 1
    fi
    if [[ -n "${seen[$value]:-}" ]]; then
      kafka_err "$name and ${seen[$value]} are both $value; every listener needs its own port"
      return 1
    fi
    seen[$value]="$name"
  done
}

# The ports as one string, for comparing a running broker's with the requested ones.
kafka_ports_text() {
  local name out=""
  for name in "${KAFKA_PORT_NAMES[@]}"; do out+="${out:+/}${!name}"; done
  printf '%s' "$out"
}

# ---------------------------------------------------------------------------------------------
# Toolchain
# ---------------------------------------------------------------------------------------------

# Sets KAFKA_JAVA to a java binary of version 17 or newer, or fails with a clear message.
kafka_require_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    KAFKA_JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    KAFKA_JAVA="$(command -v java)"
  else
    kafka_err "Java not found. Kafka 4.x needs Java 17 or newer (e.g. apt-get install openjdk-17-jre-headless, or set JAVA_HOME)."
    return 1
  fi
  local version_line major
  KAFKA_JAVA_VERSION_TEXT="$("$KAFKA_JAVA" -version 2>&1)"
  version_line="$(head -n 1 <<<"$KAFKA_JAVA_VERSION_TEXT")"
  # 'openjdk version "17.0.15" 2025-04-15' / 'java version "1.8.0_392"' / 'openjdk version "21" ...'
  major="$(sed -E 's/^[^"]*"([0-9]+)(\.([0-9]+))?.*/\1 \3/' <<<"$version_line")"
  if [[ "${major%% *}" == "1" ]]; then
    major="${major#* }"
  else
    major="${major%% *}"
  fi
  if ! [[ "$major" =~ ^[0-9]+$ ]] || ((major < 17)); then
    kafka_err "Kafka 4.x needs Java 17 or newer; $KAFKA_JAVA reports: $version_line"
    return 1
  fi
}

kafka_require_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    kafka_err "Maven (mvn) not found. It resolves the Kafka jars from Maven Central (e.g. apt-get install maven)."
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------
# Classpath (resolved by Maven, cached per pom.xml hash)
# ---------------------------------------------------------------------------------------------

kafka_classpath_file() {
  local hash
  hash="$(sha256sum "$KAFKA_SCRIPT_DIR/pom.xml" | cut -c1-16)"
  printf '%s/classpath-%s.txt' "$KAFKA_STATE_DIR" "$hash"
}

# True if every entry of the cached classpath still exists (e.g. ~/.m2 was not wiped).
kafka_classpath_valid() {
  local file="$1" cp entry
  [[ -s "$file" ]] || return 1
  cp="$(<"$file")"
  [[ -n "$cp" ]] || return 1
  local IFS=':'
  for entry in $cp; do
    [[ -f "$entry" ]] || return 1
  done
  [[ "$cp" == *"/kafka_2.13-"* ]] || return 1
}

# Sets KAFKA_CLASSPATH. Runs Maven only if pom.xml changed or the cached jars disappeared.
kafka_resolve_classpath() {
  local file tmp mvn_log
  file="$(kafka_classpath_file)"
  if kafka_classpath_valid "$file"; then
    KAFKA_CLASSPATH="$(<"$file")"
    return 0
  fi
  kafka_require_maven || return 1
  kafka_log "Resolving Kafka jars with Maven (first run downloads ~60 MB into the local Maven repository)..."
  local t0
  t0="$(kafka_now_ms)"
  mkdir -p "$KAFKA_STATE_DIR"
  tmp="$file.tmp.$$"
  mvn_log="$KAFKA_STATE_DIR/maven.log"
  if ! mvn -B -q -Dstyle.color=never -f "$KAFKA_SCRIPT_DIR/pom.xml" \
    dependency:build-classpath \
    -Dmdep.outputFile="$tmp" -Dmdep.includeScope=runtime >"$mvn_log" 2>&1; then
    kafka_err "Maven could not resolve the Kafka jars (network / Maven Central reachable?). Output:"
    sed "s/\x1b\[[0-9;]*m//g" "$mvn_log" | tail -n 40 >&2
    rm -f "$tmp"
    return 1
  fi
  if ! kafka_classpath_valid "$tmp"; then
    kafka_err "Maven produced an unusable classpath file ($tmp); see $mvn_log"
    return 1
  fi
  rm -f "$KAFKA_STATE_DIR"/classpath-*.txt
  mv -f "$tmp" "$file"
  KAFKA_CLASSPATH="$(<"$file")"
  kafka_log "Classpath resolved in $(kafka_elapsed "$t0") s (cached in ${file##*/})."
}

# ---------------------------------------------------------------------------------------------
# Class Data Sharing (AppCDS) archive: roughly halves the broker JVM's startup time.
# The first start after a classpath/JDK change runs with -XX:ArchiveClassesAtExit=<archive>.tmp
# (the JVM writes it when the broker exits); the next start validates the .tmp and promotes it.
# Keyed on the classpath and the exact JDK build, so a changed pom.xml or JDK gets a new one.
# Disable with KAFKA_CDS=0.
# ---------------------------------------------------------------------------------------------

kafka_cds_archive() {
  local key
  key="$(printf '%s\n%s\n%s\n' "$KAFKA_CLASSPATH" "$(readlink -f "$KAFKA_JAVA")" "$KAFKA_JAVA_VERSION_TEXT" |
    sha256sum | cut -c1-16)"
  printf '%s/cds/kafka-%s.jsa' "$KAFKA_STATE_DIR" "$key"
}

# True if the JVM can map the archive with this classpath. A truncated archive (JVM killed
# while writing it) can crash JDK 17 even with -Xshare:auto, so never use one unchecked.
kafka_cds_valid() {
  "$KAFKA_JAVA" -Xshare:on -XX:SharedArchiveFile="$1" -Xlog:disable \
    -XX:-CreateCoredumpOnCrash -XX:ErrorFile="$KAFKA_LOG_DIR/hs_err_cds_check.log" \
    -cp "$KAFKA_CLASSPATH" -version >/dev/null 2>&1
}

# Sets KAFKA_CDS_OPTS (array) and KAFKA_CDS_MODE (use|dump|off).
kafka_cds_setup() {
  KAFKA_CDS_OPTS=()
  KAFKA_CDS_MODE=off
  [[ "${KAFKA_CDS:-1}" == "0" ]] && return 0
  local archive
  archive="$(kafka_cds_archive)"
  mkdir -p "$KAFKA_STATE_DIR/cds"
  if [[ ! -f "$archive" && -f "$archive.tmp" ]]; then
    if kafka_cds_valid "$archive.tmp"; then
      mv -f "$archive.tmp" "$archive"
    else
      rm -f "$archive.tmp"
    fi
  fi
  if [[ -f "$archive" ]]; then
    KAFKA_CDS_OPTS=(-Xshare:auto -XX:SharedArchiveFile="$archive")
    KAFKA_CDS_MODE=use
  else
    # Drop archives of older classpaths/JDKs, then ask the JVM to write a new one at exit.
    find "$KAFKA_STATE_DIR/cds" -maxdepth 1 -name 'kafka-*.jsa*' ! -name "${archive##*/}*" -delete
    rm -f "$archive.tmp"
    KAFKA_CDS_OPTS=(-XX:ArchiveClassesAtExit="$archive.tmp" -Xlog:cds=off -Xlog:cds+dynamic=off)
    KAFKA_CDS_MODE=dump
  fi
  KAFKA_CDS_ARCHIVE="$archive"
}

# ---------------------------------------------------------------------------------------------
# Process handling
# ---------------------------------------------------------------------------------------------

# True if pid is a live JVM running kafka.Kafka with *our* rendered config (guards against
# pid reuse and against other Kafka brokers on the machine).
kafka_is_our_broker() {
  local pid="$1" cmdline
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  cmdline="$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  grep -qxF "$KAFKA_MAIN_CLASS" <<<"$cmdline" && grep -qxF "$KAFKA_CONFIG" <<<"$cmdline"
}

# Prints the pid of our running broker (from the pid file, or by scanning /proc if the pid
# file is missing/stale). Returns 1 if none is running. Repairs/removes the pid file.
kafka_find_pid() {
  local pid proc
  if [[ -f "$KAFKA_PID_FILE" ]]; then
    pid="$(tr -dc '0-9' <"$KAFKA_PID_FILE")"
    if kafka_is_our_broker "$pid"; then
      printf '%s\n' "$pid"
      return 0
    fi
    rm -f "$KAFKA_PID_FILE"
  fi
  for proc in /proc/[0-9]*; do
    pid="${proc#/proc/}"
    [[ "$pid" == "$$" ]] && continue
    if kafka_is_our_broker "$pid"; then
      printf '%s\n' "$pid" >"$KAFKA_PID_FILE"
      printf '%s\n' "$pid"
      return 0
    fi
  done
  return 1
}

kafka_pid_alive() { kill -0 "$1" 2>/dev/null; }

# Sets KAFKA_PORT / KAFKA_CONTROLLER_PORT / KAFKA_SASL_PORT from the rendered config of the
# running broker (it may have been started with other KAFKA_*PORT values than the caller has).
kafka_load_running_ports() {
  local listeners entry port
  [[ -f "$KAFKA_CONFIG" ]] || return 1
  listeners="$(sed -n 's/^listeners=//p' "$KAFKA_CONFIG" | tail -n 1)"
  [[ -n "$listeners" ]] || return 1
  local IFS=','
  for entry in $listeners; do
    port="${entry##*:}"
    case "$entry" in
      PLAINTEXT://*) KAFKA_PORT="$port" ;;
      CONTROLLER://*) KAFKA_CONTROLLER_PORT="$port" ;;
      SASL_PLAINTEXT://*) KAFKA_SASL_PORT="$port" ;;
      SSL://*) KAFKA_SSL_PORT="$port" ;;
      MTLS://*) KAFKA_MTLS_PORT="$port" ;;
      SASL_SSL://*) KAFKA_SASL_SSL_PORT="$port" ;;
    esac
  done
}

# ---------------------------------------------------------------------------------------------
# Readiness probe: a Metadata request must succeed on PLAINTEXT and SASL/PLAIN login must work.
# ---------------------------------------------------------------------------------------------

kafka_probe_kind() {
  local want="${KAFKA_READY_PROBE:-auto}"
  if [[ "$want" == "java" ]]; then
    echo java
    return
  fi
  if command -v node >/dev/null 2>&1 &&
    (cd "$KAFKA_SCRIPT_DIR" && node -e "require.resolve('kafkajs')" >/dev/null 2>&1); then
    echo node
  elif [[ "$want" == "node" ]]; then
    echo none
  else
    echo java
  fi
}

# kafka_wait_ready <timeout-seconds> [pid] [once]   (KAFKA_WARM_GROUPS=1: also warm up the
# group coordinator, node probe only)
# Returns 0 ready, 1 not ready/timeout, 2 broker process died, 3 SASL login rejected.
kafka_wait_ready() {
  local timeout="$1" pid="${2:-}" once="${3:-}" kind
  kind="$(kafka_probe_kind)"
  case "$kind" in
    node) kafka_wait_ready_node "$timeout" "$pid" "$once" ;;
    java) kafka_wait_ready_java "$timeout" "$pid" "$once" ;;
    *)
      kafka_err "KAFKA_READY_PROBE=node but node/kafkajs is not available"
      return 1
      ;;
  esac
}

kafka_wait_ready_node() {
  local timeout="$1" pid="$2" once="$3"
  local -a args=(
    --plain "$KAFKA_HOST:$KAFKA_PORT"
    --sasl "$KAFKA_HOST:$KAFKA_SASL_PORT"
    --user "$KAFKA_PROBE_SASL_USER" --password "$KAFKA_PROBE_SASL_PASSWORD"
    --timeout "$timeout"
  )
  [[ -n "$pid" ]] && args+=(--pid "$pid")
  [[ -n "$once" ]] && args+=(--once)
  [[ -n "${KAFKA_WARM_GROUPS:-}" ]] && args+=(--warm-groups)
  [[ -n "${KAFKA_VERBOSE:-}" ]] && args+=(--verbose)
  node "$KAFKA_SCRIPT_DIR/ready-check.cjs" "${args[@]}"
}

# Fallback without node: Kafka's own ClusterTool (DescribeCluster/Metadata via the Admin
# client) on both listeners. Slower (one JVM per attempt) but needs nothing but Java.
kafka_java_tool_args() {
  KAFKA_JAVA_TOOL=(
    "$KAFKA_JAVA" -Xms32m -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
    -Dlog4j2.configurationFile="$KAFKA_SCRIPT_DIR/log4j2-tools.xml"
    -cp "$KAFKA_CLASSPATH" org.apache.kafka.tools.ClusterTool
  )
}

kafka_wait_ready_java() {
  local timeout="$1" pid="$2" once="$3" deadline out rc
  deadline=$(($(date +%s) + timeout))
  if [[ -z "${KAFKA_CLASSPATH:-}" ]]; then
    kafka_require_java || return 1
    kafka_resolve_classpath || return 1
  fi
  kafka_java_tool_args
  while :; do
    if [[ -n "$pid" ]] && ! kafka_pid_alive "$pid"; then
      kafka_err "broker process $pid is gone"
      return 2
    fi
    if out="$(timeout 20 "${KAFKA_JAVA_TOOL[@]}" cluster-id --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" 2>&1)" &&
      grep -q 'Cluster ID' <<<"$out"; then
      [[ -n "${KAFKA_VERBOSE:-}" ]] && kafka_log "PLAINTEXT $KAFKA_HOST:$KAFKA_PORT ok: $out"
      out="$(timeout 20 "${KAFKA_JAVA_TOOL[@]}" cluster-id --bootstrap-server "$KAFKA_HOST:$KAFKA_SASL_PORT" \
        --command-config "$KAFKA_SCRIPT_DIR/client-sasl.properties" 2>&1)"
      rc=$?
      if ((rc == 0)) && grep -q 'Cluster ID' <<<"$out"; then
        [[ -n "${KAFKA_VERBOSE:-}" ]] && kafka_log "SASL_PLAINTEXT $KAFKA_HOST:$KAFKA_SASL_PORT ok as $KAFKA_PROBE_SASL_USER"
        return 0
      fi
      if grep -qi 'authentication failed\|SaslAuthenticationException' <<<"$out"; then
        kafka_err "SASL/PLAIN login as '$KAFKA_PROBE_SASL_USER' on port $KAFKA_SASL_PORT rejected: $out"
        return 3
      fi
    fi
    [[ -n "$once" ]] && return 1
    if (($(date +%s) >= deadline)); then
      kafka_err "broker not ready: ${out:-no answer}"
      return 1
    fi
    sleep 0.5
  done
}
