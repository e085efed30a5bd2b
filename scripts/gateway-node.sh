#!/usr/bin/env bash
# A gateway node on Payara Micro, serving published APIs at http://HOST:PORT/{context}/{version}/...
#
#   scripts/gateway-node.sh start [--name N] [--port P] [--admin-port A] [--db D] [--db-host H]
#                                 [--datacenter ID] [--broker URL] [--artifacts URL|DIR]
#                                 [--db-user U --db-password-file F]
#                                 [--broker-user U --broker-password-file F] [--artifacts-ca PEM]
#                                 [--reconcile S] [--cpus LIST] [--tls-cert PEM --tls-key PEM]
#                                 [--cluster-members H:P,... --cluster-port P [--cluster-interface IP]
#                                  [--datacenter-nodes N]]
#                                 [--fresh-cache] [--war FILE] [--admin-only] [--bench-floor]
#                                 [--jmx-port P [--jmx-host IP]]
#   scripts/gateway-node.sh stop  [--name N]
#
# --port: the public gateway port, served by the event loop inside the WAR; --admin-port (default
# PORT+1000): Payara Micro's own HTTP listener, node administration only. Its health checks
# (/health, /health/ready, /health/live, /health/started, /-/health) answer anyone; every other path
# (/metrics, /-/sync, anything else) needs HTTP Basic with the node operator's credential, else 401:
# user meridian-ops, the file .work/secrets/node-admin-N.credentials holds "meridian-ops:PASSWORD"
# (made on first start, mode 600, kept; the JVM is given its path, never the password), e.g.
#   printf 'user = "%s"\n' "$(cat .work/secrets/node-admin-N.credentials)" | curl -K - http://127.0.0.1:ADMIN_PORT/metrics
# (curl reads the credential from standard input: "-u" would show it to ps)
# --db-user/--db-password-file: the database role and a file holding its password (default: the
# single-machine role of scripts/lib/postgres.sh); --broker-user/--broker-password-file: the same for
# the DC's broker (default: scripts/lib/broker.sh's); both passwords go only into the post-boot
# file (mode 600); --artifacts-ca: a PEM CA file the node trusts for an HTTPS artifact server
# (meridian.gateway.artifacts.trust-ca-file);
# --tls-cert/--tls-key: HTTPS (and HTTP/2) on the public port from PEM files; --db/--db-host: the
# PostgreSQL database it reads (the master's, or the DC's hot standby); --broker: the DC's Artemis
# (default tcp://127.0.0.1:61616); --artifacts: the artifact server (default
# http://127.0.0.1:8088/); --cpus pins the JVM with taskset (benchmarks); --admin-only: the WAR
# serves no public port; --bench-floor: the WAR is a benchmark floor, not the gateway (ready when
# its /-/health answers, instead of the gateway's readiness check); --cluster-members: the datacenter's gateway nodes' data
# grid addresses (Payara Micro's Hazelcast, TCP/IP discovery, cluster meridian-DATACENTER), this
# node's own among them at --cluster-port; without them the node runs alone (--nocluster), and
# throttle counts are its own; --datacenter-nodes: how many gateway nodes the DC runs (a node that
# sees fewer enforces only their share of each limit). Extra JVM options: MERIDIAN_GATEWAY_JAVA_OPTS; extra
# configuration: MERIDIAN_GATEWAY_PROPERTIES ("key=value ..."). Boot (README, "Gateway", cold start;
# bench/boot.sh measures each): MERIDIAN_GATEWAY_RUNTIME=launcher (default: the runtime unpacked
# once, see install_payara_micro_runtime) or jar (unpacked at every start);
# MERIDIAN_GATEWAY_RAR=client (default: the trimmed adapter) or full;
# MERIDIAN_GATEWAY_LEAN=1 (default; 0 keeps Payara's OpenAPI service and phone-home on).
# Logs: .work/gateways/N/server.log
# (one JSON object per line, scripts/lib/gateway-logging.properties) and access.log; the
# last-known-good cache, kept across restarts: .work/gateway-cache/N. --jmx-port: remote JMX (RMI
# registry and connector on that one port, bound to --jmx-host, default 127.0.0.1) with password
# authentication: user meridian-ops (read and write), password in .work/secrets/jmx-N.password
# (made on first use, mode 600; the JVM gets a copy, which it hashes at the first login); no TLS,
# so keep the port on an administration network.
source "$(dirname "$0")/lib/postgres.sh"
source "$(dirname "$0")/lib/payara.sh"

cmd="${1:-}"; shift || true
name=gw1; port=8280; admin_port=""; tls_cert=""; tls_key=""; admin_only=0; db=meridian;
bench_floor=0; jmx_port=""; jmx_host=127.0.0.1; cluster_members=""; cluster_port=6900; cluster_interface=""; dc_nodes=0; dc=dc-master; cpus=""; db_host="$PG_HOST"; reconcile=10; fresh_cache=0
broker="${MERIDIAN_BROKER_URL:-tcp://127.0.0.1:61616}"; artifacts="http://127.0.0.1:8088/"
war="$MERIDIAN_ROOT/gateway-war/target/gateway.war"
artifacts_ca=""; db_user=""; db_password_file=""; broker_user=""; broker_password_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --admin-port) admin_port="$2"; shift 2 ;;
    --tls-cert) tls_cert="$2"; shift 2 ;;
    --tls-key) tls_key="$2"; shift 2 ;;
    --admin-only) admin_only=1; shift ;;
    --bench-floor) bench_floor=1; shift ;;
    --cluster-members) cluster_members="$2"; shift 2 ;;
    --cluster-port) cluster_port="$2"; shift 2 ;;
    --cluster-interface) cluster_interface="$2"; shift 2 ;;
    --datacenter-nodes) dc_nodes="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --datacenter) dc="$2"; shift 2 ;;
    --db-host) db_host="$2"; shift 2 ;;
    --broker) broker="$2"; shift 2 ;;
    --artifacts) artifacts="$2"; shift 2 ;;
    --artifacts-ca) artifacts_ca="$2"; shift 2 ;;
    --db-user) db_user="$2"; shift 2 ;;
    --db-password-file) db_password_file="$2"; shift 2 ;;
    --broker-user) broker_user="$2"; shift 2 ;;
    --broker-password-file) broker_password_file="$2"; shift 2 ;;
    --reconcile) reconcile="$2"; shift 2 ;;
    --fresh-cache) fresh_cache=1; shift ;;
    --jmx-port) jmx_port="$2"; shift 2 ;;
    --jmx-host) jmx_host="$2"; shift 2 ;;
    --cpus) cpus="$2"; shift 2 ;;
    --war) war="$2"; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
dir="$MERIDIAN_WORK/gateways/$name"
admin_port="${admin_port:-$((port + 1000))}"
[ -z "$tls_cert" ] || [ -f "$tls_cert" ] || die "No certificate file $tls_cert"
[ -z "$tls_key" ] || [ -f "$tls_key" ] || die "No key file $tls_key"
if { [ -n "$tls_cert" ] && [ -z "$tls_key" ]; } || { [ -z "$tls_cert" ] && [ -n "$tls_key" ]; }; then
  die "--tls-cert and --tls-key go together"
fi
[ -z "$artifacts_ca" ] || [ -f "$artifacts_ca" ] || die "--artifacts-ca: no CA file $artifacts_ca"
# read_password VARIABLE OPTION FILE: sets VARIABLE to the password FILE holds (its trailing
# newline dropped); OPTION names the option in the message when the file is not there.
read_password() {
  [ -f "$3" ] && [ -r "$3" ] || die "$2: no readable password file $3"
  local p; p="$(<"$3")"
  [ -n "$p" ] || die "$2: the password file $3 is empty"
  printf -v "$1" '%s' "$p"
}
# The credentials micro_resource_commands (scripts/lib/payara.sh) writes into the post-boot file:
# the database role and the broker user, each with its password; by default the single-machine
# setup's (scripts/lib/postgres.sh, scripts/lib/broker.sh).
[ -n "$db_user" ] && PG_USER="$db_user"
[ -n "$db_password_file" ] && read_password PG_PASSWORD --db-password-file "$db_password_file"
[ -n "$broker_user" ] && MERIDIAN_BROKER_USER="$broker_user"
[ -n "$broker_password_file" ] && read_password MERIDIAN_BROKER_PASSWORD --broker-password-file "$broker_password_file"
# The node's console, one JSON object per line: Payara's and the resource adapter's records are
# JSON already (gateway-logging.properties, resource-adapter-log4j2.properties); anything else the
# JVM prints (a JVM warning, Payara's last words after its logging has stopped) is wrapped as a
# record of the logger "stdout", so that every line of server.log parses. (The filter keeps none of
# this script's own streams open: a caller reading them must see them end when the script does.)
json_lines() {
  awk '{ if (substr($0, 1, 1) == "{") { print; fflush(); next }
         gsub(/\\/, "&&"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, ""); gsub(/\033/, "\\u001b")
         printf "{\"Level\":\"INFO\",\"LoggerName\":\"stdout\",\"LogMessage\":\"%s\"}\n", $0; fflush() }'
}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_node() {
  if [ -f "$dir/pid" ]; then
    local pid; pid=$(cat "$dir/pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
      # Gone for good (and its port with it) before anyone starts a node in its place.
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
    rm -f "$dir/pid"
  fi
}

case "$cmd" in
  start)
    require_installed java payara-micro activemq-rar postgresql-driver
    [ -f "$war" ] || die "No gateway WAR at $war: build with 'mvn -DskipTests install' first"
    stop_node
    for p in "$port" "$admin_port"; do
      for _ in $(seq 1 100); do port_free "$p" && break; sleep 0.2; done
      port_free "$p" || die "Port $p is still in use; is another node running?"
    done
    [ "$fresh_cache" = 1 ] && rm -rf "$MERIDIAN_WORK/gateway-cache/$name"
    # A new root each start; the previous run's log is kept as server.log.1.
    [ -f "$dir/server.log" ] && mv "$dir/server.log" "$MERIDIAN_WORK/gateways/$name.server.log.1"
    rm -rf "$dir"; mkdir -p "$dir" "$MERIDIAN_WORK/gateway-cache/$name"
    [ -f "$MERIDIAN_WORK/gateways/$name.server.log.1" ] && mv "$MERIDIAN_WORK/gateways/$name.server.log.1" "$dir/server.log.1"
    cp "$war" "$dir/ROOT.war"
    # Boot. A fresh root each start (configuration semantics unchanged: the pre- and post-boot
    # files below make the whole configuration), but with the launcher the runtime's jars are
    # linked from one unpacked copy instead of unpacked again (about 3 s).
    runtime_mode="${MERIDIAN_GATEWAY_RUNTIME:-launcher}"
    rar="$ACTIVEMQ_RAR"
    if [ "${MERIDIAN_GATEWAY_RAR:-client}" = client ]; then
      install_activemq_client_rar; rar="$ACTIVEMQ_CLIENT_RAR"
    fi
    boot=()
    if [ "$runtime_mode" = launcher ]; then
      install_payara_micro_runtime
      # Hard links (Payara does not boot from a symbolic link to its runtime): no copying.
      mkdir -p "$dir/root"
      parts=("$PAYARA_MICRO_RUNTIME"/{runtime,lib,META-INF,launch-micro.jar})
      cp -al "${parts[@]}" "$dir/root/" 2>/dev/null || cp -a "${parts[@]}" "$dir/root/"   # another file system
      cp -rp "$PAYARA_MICRO_RUNTIME/config.pristine" "$dir/root/config"
      # The launcher refuses --addlibs (its runtime is on the class path), so the driver goes on
      # the class path too; and the module options its manifest carries apply only to -jar.
      mapfile -t boot < <(unzip -p "$dir/root/launch-micro.jar" META-INF/MANIFEST.MF | tr -d '\r' \
        | awk '/^ / { line = line substr($0, 2); next } { if (line != "") print line; line = $0 } END { print line }' \
        | awk -F': ' '$1 == "Add-Opens" || $1 == "Add-Exports" {
            n = split($2, m, " "); for (i = 1; i <= n; i++) print ($1 == "Add-Opens" ? "--add-opens=" : "--add-exports=") m[i] "=ALL-UNNAMED" }')
      boot+=(-cp "$dir/root/launch-micro.jar:$POSTGRESQL_DRIVER_JAR" fish.payara.micro.impl.RootDirLauncher)
    else
      boot=(-jar "$PAYARA_MICRO_JAR" --addlibs "$POSTGRESQL_DRIVER_JAR" --rootdir "$dir/root")
    fi
    lean=()
    [ "${MERIDIAN_GATEWAY_LEAN:-1}" = 1 ] && lean=(--disablephonehome)
    # Payara's HTTP listener is the administration port only (the public port is the WAR's event
    # loop): HTTP/1.1, a small thread pool (MERIDIAN_GATEWAY_THREADS; the benchmark's bare-servlet
    # floor raises it), no per-request tracing spans (each draws a UUID from the locked NativePRNG).
    # Listener and thread-pool settings go into domain.xml before boot: set after boot, each one
    # restarts the HTTP listener asynchronously, and two overlapping restarts can leave it stopped.
    cat > "$dir/preboot.asadmin" <<ASADMIN
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.http2-enabled=false
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=${MERIDIAN_GATEWAY_THREADS:-16}
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=${MERIDIAN_GATEWAY_MIN_THREADS:-2}
ASADMIN
    # No OpenAPI document for the WAR (it has no JAX-RS resources; nothing reads /openapi).
    [ "${MERIDIAN_GATEWAY_LEAN:-1}" = 1 ] && echo "set-openapi-configuration --enabled=false" >> "$dir/preboot.asadmin"
    { echo "set-requesttracing-configuration --enabled=false --dynamic=true"
      micro_resource_commands "$db_host" "$db" "$broker"; } > "$dir/postboot.asadmin"
    chmod 600 "$dir/postboot.asadmin"
    pin=()
    [ -n "$cpus" ] && pin=(taskset -c "$cpus")
    # Class-data sharing (README, "Gateway", cold start): the classes the node loaded in its first
    # start, archived once it is ready (jcmd VM.cds dynamic_dump) and mapped by its later starts
    # instead of read, verified and parsed again. One archive per node, since it records the node's
    # class path; its name carries the JDK's and the runtime's identity, so an upgrade makes a new
    # one. A JDK that finds the archive unusable says so in the log and loads classes as usual.
    # MERIDIAN_GATEWAY_CDS=0: no archive.
    cds=() cds_archive=""
    if [ "${MERIDIAN_GATEWAY_CDS:-1}" = 1 ] && [ "$runtime_mode" = launcher ]; then
      cds_archive="$MERIDIAN_WORK/gateway-cds/$name-$( { java -version 2>&1; ls -l --time-style=+%s "$dir/root/launch-micro.jar"; } \
        | sed "s|$dir||" | sha256sum | cut -c1-12).jsa"
      mkdir -p "$MERIDIAN_WORK/gateway-cds"
      if [ -s "$cds_archive" ]; then
        cds=(-XX:SharedArchiveFile="$cds_archive")
      else
        rm -f "$MERIDIAN_WORK/gateway-cds/$name"-*.jsa
        cds=(-XX:+RecordDynamicDumpInfo)
      fi
      # The JVM's class-data messages (thousands of "Skipping ..." lines at the dump, a reason when
      # an archive cannot be used) go to their own file, not into the node's JSON log.
      cds+=("-Xlog:cds*=off" "-Xlog:cds*=warning:file=$dir/cds.log")
    fi
    props=(-Dmeridian.gateway.port="$port" -Dmeridian.gateway.throttle.datacenter-nodes="$dc_nodes")
    # One data grid per datacenter, members listed (no multicast), never across datacenters.
    if [ -n "$cluster_members" ]; then
      cluster=(--clustername "meridian-$dc" --clustermode "tcpip:$cluster_members" --startport "$cluster_port")
      [ -n "$cluster_interface" ] && cluster+=(--interfaces "$cluster_interface")
    else
      cluster=(--nocluster --clustername "meridian-$name")
    fi
    [ -n "$tls_cert" ] && props+=(-Dmeridian.gateway.tls.cert-file="$(realpath "$tls_cert")" -Dmeridian.gateway.tls.key-file="$(realpath "$tls_key")")
    # The node operator's credential for the administration port (all but its health checks):
    # made on first start, kept across restarts; the JVM gets the file's path, never its content.
    admin_secret="$SECRETS_DIR/node-admin-$name.credentials"
    (umask 077; printf 'meridian-ops:%s\n' "$(secret "node-admin-$name")" > "$admin_secret")
    props+=(-Dmeridian.gateway.admin.credentials-file="$(realpath "$admin_secret")")
    [ -n "$artifacts_ca" ] && props+=(-Dmeridian.gateway.artifacts.trust-ca-file="$(realpath "$artifacts_ca")")
    for kv in ${MERIDIAN_GATEWAY_PROPERTIES:-}; do props+=("-D$kv"); done
    if [ -n "$jmx_port" ]; then
      # The JVM's own JMX agent, authenticated: the password file names the user and password
      # (never the command line), the access file what the user may do.
      jmx_secret="$SECRETS_DIR/jmx-$name.password"
      (umask 077; printf 'meridian-ops %s\n' "$(secret "jmx-$name")" > "$jmx_secret")
      # The JVM replaces the clear password in its password file by a salted hash at the first
      # login: it gets a copy, and the operator's file keeps the password.
      install -m 600 "$jmx_secret" "$dir/jmx.password"
      printf 'meridian-ops readwrite\n' > "$dir/jmx.access"
      chmod 600 "$dir/jmx.access"
      props+=(-Dcom.sun.management.jmxremote.port="$jmx_port" -Dcom.sun.management.jmxremote.rmi.port="$jmx_port"
        -Dcom.sun.management.jmxremote.host="$jmx_host" -Djava.rmi.server.hostname="$jmx_host"
        -Dcom.sun.management.jmxremote.authenticate=true -Dcom.sun.management.jmxremote.ssl=false
        -Dcom.sun.management.jmxremote.password.file="$dir/jmx.password"
        -Dcom.sun.management.jmxremote.access.file="$dir/jmx.access")
    fi
    log "Starting gateway $name on port $port, admin port $admin_port (database $db, datacenter $dc)"
    # shellcheck disable=SC2086
    # Passwords are in the post-boot file (mode 600), not on the command line that ps shows.
    # No Hazelcast shutdown hook: it would end the data grid before the WAR stops, and the node
    # could not tell the datacenter's others it is leaving; Payara stops the grid after the apps.
    nohup "${pin[@]}" java ${MERIDIAN_GATEWAY_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC} \
      "${cds[@]}" "${props[@]}" \
      -Dhazelcast.shutdownhook.enabled=false \
      -Dlog4j2.configurationFile="$MERIDIAN_ROOT/scripts/lib/resource-adapter-log4j2.properties" \
      -Dmeridian.datacenter.id="$dc" \
      -Dmeridian.gateway.node="$name" \
      -Dmeridian.gateway.artifacts.location="$artifacts" \
      -Dmeridian.gateway.cache.dir="$MERIDIAN_WORK/gateway-cache/$name" \
      -Dmeridian.gateway.sync.reconcile-seconds="$reconcile" \
      -Dmeridian.gateway.access-log.file="$dir/access.log" \
      "${boot[@]}" --deploy "$rar" --deploy "$dir/ROOT.war" --port "$admin_port" "${cluster[@]}" "${lean[@]}" \
      --logproperties "$MERIDIAN_ROOT/scripts/lib/gateway-logging.properties" \
      --prebootcommandfile "$dir/preboot.asadmin" --postbootcommandfile "$dir/postboot.asadmin" \
      > >(exec > "$dir/server.log" 2>&1; json_lines) 2>&1 &
    echo $! > "$dir/pid"
    # Ready: the node's own readiness check says so on its admin port (state loaded, public port
    # served), and the public port answers. A failed deployment can still print "ready" in the log,
    # and MicroProfile Health then answers UP with no checks at all: the check must be in the body.
    # A --bench-floor WAR is not the gateway: its /-/health says it deployed.
    scheme=http; [ -n "$tls_cert" ] && scheme=https
    ready() {
      if [ "$bench_floor" = 1 ]; then
        [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$admin_port/-/health" || true)" = 200 ] || return 1
      else
        local body; body=$(curl -s -w '\n%{http_code}' --max-time 2 "http://127.0.0.1:$admin_port/health/ready" || true)
        [ "${body##*$'\n'}" = 200 ] && [[ "$body" == *'"meridian-gateway-readiness"'* ]] || return 1
        # The health checks answer while the web container still loads the WAR at "/", and the
        # admin port can drop a connection until it is done: wait for the WAR's own answer there
        # (its operator paths refuse without credentials).
        case "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$admin_port/-/sync" || true)" in
          401|200) ;;
          *) return 1 ;;
        esac
      fi
      [ "$admin_only" = 1 ] && return 0
      [ "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 2 "$scheme://127.0.0.1:$port/-/" || true)" != 000 ]
    }
    up=0
    for _ in $(seq 1 180); do
      kill -0 "$(cat "$dir/pid")" 2>/dev/null \
        || die "Gateway $name exited during startup; see $dir/server.log"
      ready && { up=1; break; }
      sleep 0.5
    done
    [ "$up" = 1 ] || { stop_node; die "Gateway $name did not become ready; see $dir/server.log"; }
    if [ "${cds[0]:-}" = -XX:+RecordDynamicDumpInfo ]; then
      # The first start: archive what it loaded (the JVM pauses for it, before the node is
      # declared up). A failure costs only the archive.
      if jcmd "$(cat "$dir/pid")" VM.cds dynamic_dump "$cds_archive.tmp" > "$dir/cds-dump.log" 2>&1 \
          && [ -s "$cds_archive.tmp" ]; then
        mv "$cds_archive.tmp" "$cds_archive"
        log "Gateway $name: class-data archive written for its next starts ($(du -h "$cds_archive" | cut -f1))"
      else
        rm -f "$cds_archive.tmp"
        log "Gateway $name: no class-data archive (see $dir/cds-dump.log); its next start loads classes as usual"
      fi
    fi
    log "Gateway $name up: $scheme://127.0.0.1:$port/ (admin: http://127.0.0.1:$admin_port/health/ready)"
    ;;
  stop)
    stop_node
    ;;
  *)
    sed -n '2,/^[^#]/{/^#/p}' "$0"; exit 2 ;;
esac
