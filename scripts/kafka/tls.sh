# shellcheck shell=bash
# TLS material for the local broker's SSL, MTLS and SASL_SSL listeners. Sourced by start.sh.
#
# Generated once with openssl and keytool into <repo>/.kafka/tls/ (git-ignored) and reused while
# it is complete, made by this version of the script and valid for another 30 days, so a start
# normally costs nothing here. Everything is for local development and tests only: the CA key
# sits next to the certificates and the store passwords are fixed (below, and in
# server.properties.template).
#
#   ca.pem / ca.key                the dev CA; it signed every certificate below except rogue-*
#   broker.p12                     the broker's key and certificate (PKCS12, made by openssl);
#                                  SAN IP:127.0.0.1 and DNS:localhost only
#   truststore.jks                 the CA, for the broker to check client certificates (JKS, keytool)
#   client.pem / client.key        a client certificate (CN=sink) for mutual TLS, PEM
#   client-keystore.pem            client.key and client.pem in one file (ssl.keystore.type=PEM)
#   client.p12                     the same as PKCS12 (ssl.keystore.type=PKCS12)
#   client-truststore.jks / .p12   the CA as Java truststores (which the Node client cannot read)
#   rogue-ca.pem / rogue-client.*  a self-signed CA and client certificate nobody trusts

# shellcheck disable=SC2034
KAFKA_TLS_DIR="$KAFKA_STATE_DIR/tls"
KAFKA_TLS_STORE_PASSWORD="dev-store-secret"
# Bump when the set of files or their contents change, so old caches are regenerated.
KAFKA_TLS_VERSION="1"

kafka_tls_current() {
  local dir="$KAFKA_TLS_DIR" file
  [[ "$(cat "$dir/VERSION" 2>/dev/null)" == "$KAFKA_TLS_VERSION" ]] || return 1
  for file in ca.pem broker.p12 truststore.jks client.pem client.key client-keystore.pem \
    client.p12 client-truststore.jks client-truststore.p12 rogue-ca.pem rogue-client.pem \
    rogue-client.key; do
    [[ -s "$dir/$file" ]] || return 1
  done
  # Renew well before anything expires (30 days).
  openssl x509 -checkend 2592000 -noout -in "$dir/client.pem" >/dev/null 2>&1 &&
    openssl x509 -checkend 2592000 -noout -in "$dir/ca.pem" >/dev/null 2>&1
}

# kafka_tls_sign <name> <subject> <extensions>: a key and a certificate signed by the dev CA.
kafka_tls_sign() {
  local dir="$1" name="$2" subject="$3" extensions="$4"
  openssl req -newkey rsa:2048 -nodes -keyout "$dir/$name.key" -out "$dir/$name.csr" \
    -subj "$subject" 2>/dev/null
  printf '%b' "$extensions" >"$dir/$name.ext"
  openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
    -days 825 -sha256 -extfile "$dir/$name.ext" -out "$dir/$name.pem" 2>/dev/null
  rm -f "$dir/$name.csr" "$dir/$name.ext"
}

# Generates the material into a temporary directory and swaps it in whole, so a broken run
# never leaves a half-made set that looks complete.
kafka_tls_generate() {
  local tmp="$KAFKA_TLS_DIR.tmp.$$" pass="$KAFKA_TLS_STORE_PASSWORD" keytool_bin
  if ! command -v openssl >/dev/null 2>&1; then
    kafka_err "openssl not found; it makes the TLS certificates (e.g. apt-get install openssl)."
    return 1
  fi
  keytool_bin="$(dirname "$KAFKA_JAVA")/keytool"
  [[ -x "$keytool_bin" ]] || keytool_bin="$(command -v keytool || true)"
  if [[ -z "$keytool_bin" ]]; then
    kafka_err "keytool not found next to $KAFKA_JAVA nor on PATH; it makes the JKS truststores."
    return 1
  fi
  rm -rf "$tmp"
  mkdir -p "$tmp"
  (
    set -e
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/ca.key" -out "$tmp/ca.pem" \
      -days 3650 -sha256 -subj "/CN=Lambda Sink dev CA" \
      -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    kafka_tls_sign "$tmp" broker "/CN=localhost" \
      'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n'
    kafka_tls_sign "$tmp" client "/CN=sink" 'extendedKeyUsage=clientAuth\n'
    openssl pkcs12 -export -in "$tmp/broker.pem" -inkey "$tmp/broker.key" \
      -certfile "$tmp/ca.pem" -name broker -out "$tmp/broker.p12" -passout "pass:$pass"
    openssl pkcs12 -export -in "$tmp/client.pem" -inkey "$tmp/client.key" \
      -name sink -out "$tmp/client.p12" -passout "pass:$pass"
    cat "$tmp/client.key" "$tmp/client.pem" >"$tmp/client-keystore.pem"
    "$keytool_bin" -importcert -noprompt -alias dev-ca -file "$tmp/ca.pem" \
      -keystore "$tmp/truststore.jks" -storetype JKS -storepass "$pass" >/dev/null 2>&1
    cp "$tmp/truststore.jks" "$tmp/client-truststore.jks"
    "$keytool_bin" -importcert -noprompt -alias dev-ca -file "$tmp/ca.pem" \
      -keystore "$tmp/client-truststore.p12" -storetype PKCS12 -storepass "$pass" >/dev/null 2>&1
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/rogue-client.key" \
      -out "$tmp/rogue-client.pem" -days 825 -sha256 -subj "/CN=sink" 2>/dev/null
    cp "$tmp/rogue-client.pem" "$tmp/rogue-ca.pem"
    rm -f "$tmp/broker.key" "$tmp"/*.srl
    printf '%s\n' "$KAFKA_TLS_VERSION" >"$tmp/VERSION"
  ) || {
    kafka_err "generating TLS certificates in $tmp failed"
    rm -rf "$tmp"
    return 1
  }
  rm -rf "$KAFKA_TLS_DIR"
  mv "$tmp" "$KAFKA_TLS_DIR"
}

# Makes sure current TLS material exists. Changing it under a running broker is not an issue:
# start.sh only calls this before launching one.
kafka_tls_ensure() {
  kafka_tls_current && return 0
  local t0
  t0="$(kafka_now_ms)"
  kafka_log "Generating TLS certificates in $KAFKA_TLS_DIR..."
  kafka_tls_generate || return 1
  kafka_log "TLS certificates generated in $(kafka_elapsed "$t0") s."
}

# SCRAM users live in the cluster metadata (KRaft), so they are added once per data directory,
# through the running broker, and a marker in the data directory remembers it. Then waits until
# both mechanisms log in on the SASL_SSL listener: the credentials reach it asynchronously.
KAFKA_SCRAM_USER="sink"
KAFKA_SCRAM_PASSWORD="sink-secret"

# The --add-scram arguments of kafka-storage format: new data directories get the users there.
kafka_scram_format_args() {
  KAFKA_SCRAM_FORMAT_ARGS=()
  local mechanism
  for mechanism in SCRAM-SHA-256 SCRAM-SHA-512; do
    KAFKA_SCRAM_FORMAT_ARGS+=(--add-scram "$mechanism=[name=$KAFKA_SCRAM_USER,password=$KAFKA_SCRAM_PASSWORD]")
  done
}

kafka_scram_marker() { printf '%s/.scram-users-v1' "$KAFKA_DATA_DIR"; }

kafka_scram_ensure() {
  local pid="$1" out t0 mechanism
  t0="$(kafka_now_ms)"
  # A data directory formatted before the SCRAM users existed: add them through the broker, one
  # mechanism per request (Kafka refuses two changes to one user in the same request).
  if [[ ! -f "$(kafka_scram_marker)" ]]; then
    for mechanism in SCRAM-SHA-256 SCRAM-SHA-512; do
      if ! out="$("$KAFKA_JAVA" -Xms32m -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -Dlog4j2.configurationFile="$KAFKA_SCRIPT_DIR/log4j2-tools.xml" \
        -cp "$KAFKA_CLASSPATH" kafka.admin.ConfigCommand \
        --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" --alter \
        --entity-type users --entity-name "$KAFKA_SCRAM_USER" \
        --add-config "$mechanism=[password=$KAFKA_SCRAM_PASSWORD]" 2>&1)"; then
        kafka_err "adding the $mechanism user '$KAFKA_SCRAM_USER' failed:"
        printf '%s\n' "$out" | grep -v '^\s*at ' | tail -n 10 >&2
        return 1
      fi
    done
    touch "$(kafka_scram_marker)"
  fi
  [[ "$(kafka_probe_kind)" == "node" ]] || return 0
  if ! node "$KAFKA_SCRIPT_DIR/ready-check.cjs" --scram-ssl "$KAFKA_HOST:$KAFKA_SASL_SSL_PORT" \
    --ca "$KAFKA_TLS_DIR/ca.pem" --user "$KAFKA_SCRAM_USER" --password "$KAFKA_SCRAM_PASSWORD" \
    --pid "$pid" --timeout 30; then
    kafka_err "SCRAM login as '$KAFKA_SCRAM_USER' on the SASL_SSL listener ($KAFKA_SASL_SSL_PORT) does not work"
    return 1
  fi
  [[ -n "${KAFKA_VERBOSE:-}" ]] && kafka_log "SCRAM users ready in $(kafka_elapsed "$t0") s"
  return 0
}
