#!/usr/bin/env bash
# A gateway node on Payara Micro, serving published APIs at http://127.0.0.1:PORT/{context}/{version}/...
#
#   scripts/gateway-node.sh start [--name N] [--port P] [--db D] [--db-host H] [--datacenter ID]
#                                 [--broker URL] [--artifacts URL|DIR] [--reconcile S] [--cpus LIST]
#                                 [--fresh-cache]
#   scripts/gateway-node.sh stop  [--name N]
#
# --db/--db-host: the PostgreSQL database it reads (the master's, or the DC's hot standby);
# --broker: the DC's Artemis (default tcp://127.0.0.1:61616); --artifacts: the artifact server
# (default http://127.0.0.1:8088/); --cpus pins the JVM with taskset (benchmarks). Extra JVM
# options: MERIDIAN_GATEWAY_JAVA_OPTS. Logs: .work/gateways/N/server.log and access.log; the
# last-known-good cache, kept across restarts: .work/gateway-cache/N
source "$(dirname "$0")/lib/postgres.sh"
source "$(dirname "$0")/lib/payara.sh"

cmd="${1:-}"; shift || true
name=gw1; port=8280; db=meridian; dc=dc-master; cpus=""; db_host="$PG_HOST"; reconcile=10; fresh_cache=0
broker="${MERIDIAN_BROKER_URL:-tcp://127.0.0.1:61616}"; artifacts="http://127.0.0.1:8088/"
war="$MERIDIAN_ROOT/gateway-war/target/gateway.war"
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --datacenter) dc="$2"; shift 2 ;;
    --db-host) db_host="$2"; shift 2 ;;
    --broker) broker="$2"; shift 2 ;;
    --artifacts) artifacts="$2"; shift 2 ;;
    --reconcile) reconcile="$2"; shift 2 ;;
    --fresh-cache) fresh_cache=1; shift ;;
    --cpus) cpus="$2"; shift 2 ;;
    --war) war="$2"; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
dir="$MERIDIAN_WORK/gateways/$name"

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
    for _ in $(seq 1 100); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
      sleep 0.2
    done
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "Port $port is still in use; is another node running?"
    [ "$fresh_cache" = 1 ] && rm -rf "$MERIDIAN_WORK/gateway-cache/$name"
    # A new root each start; the previous run's log is kept as server.log.1.
    [ -f "$dir/server.log" ] && mv "$dir/server.log" "$MERIDIAN_WORK/gateways/$name.server.log.1"
    rm -rf "$dir"; mkdir -p "$dir" "$MERIDIAN_WORK/gateway-cache/$name"
    [ -f "$MERIDIAN_WORK/gateways/$name.server.log.1" ] && mv "$MERIDIAN_WORK/gateways/$name.server.log.1" "$dir/server.log.1"
    cp "$war" "$dir/ROOT.war"
    # HTTP/1.1 only (the gateway speaks HTTP/1.1 to clients and backends); no per-request tracing
    # spans (each draws a UUID from the locked NativePRNG: 4k req/s on one core instead of ~20k);
    # a 64 KiB header buffer, so that the gateway's own limits answer 414/431 instead of Grizzly's
    # bare 400 at 8 KiB; the HTTP thread pool sized for a blocking proxy.
    # Listener and thread-pool settings go into domain.xml before boot: set after boot, each one
    # restarts the HTTP listener asynchronously, and two overlapping restarts can leave it stopped.
    cat > "$dir/preboot.asadmin" <<ASADMIN
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.http2-enabled=false
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.header-buffer-length-bytes=65536
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=${MERIDIAN_GATEWAY_THREADS:-256}
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=${MERIDIAN_GATEWAY_MIN_THREADS:-8}
ASADMIN
    cat > "$dir/postboot.asadmin" <<ASADMIN
set-requesttracing-configuration --enabled=false --dynamic=true
create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize 1 --maxpoolsize 8 --isconnectvalidatereq true --validationmethod auto-commit --property serverName=${db_host}:portNumber=${PG_PORT}:databaseName=${db}:user=${PG_USER}:password=$(asadmin_escape "$PG_PASSWORD") meridian-replica-pool
create-jdbc-resource --connectionpoolid meridian-replica-pool jdbc/meridian-replica
create-resource-adapter-config --property ServerUrl=$(asadmin_escape "$broker"):UserName=${MERIDIAN_BROKER_USER:-meridian}:Password=$(asadmin_escape "${MERIDIAN_BROKER_PASSWORD:-meridian-broker}") activemq-rar-$ACTIVEMQ_RAR_VERSION
ASADMIN
    chmod 600 "$dir/postboot.asadmin"
    pin=()
    [ -n "$cpus" ] && pin=(taskset -c "$cpus")
    log "Starting gateway $name on port $port (database $db, datacenter $dc)"
    # shellcheck disable=SC2086
    # Passwords are in the post-boot file (mode 600), not on the command line that ps shows.
    nohup "${pin[@]}" java ${MERIDIAN_GATEWAY_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC} \
      -Dmeridian.datacenter.id="$dc" \
      -Dmeridian.gateway.node="$name" \
      -Dmeridian.gateway.artifacts.location="$artifacts" \
      -Dmeridian.gateway.cache.dir="$MERIDIAN_WORK/gateway-cache/$name" \
      -Dmeridian.gateway.sync.reconcile-seconds="$reconcile" \
      -Dmeridian.gateway.access-log.file="$dir/access.log" \
      -jar "$PAYARA_MICRO_JAR" --addlibs "$POSTGRESQL_DRIVER_JAR" --deploy "$ACTIVEMQ_RAR" --deploy "$dir/ROOT.war" --port "$port" --nocluster \
      --clusterName "meridian-$name" --rootdir "$dir/root" \
      --prebootcommandfile "$dir/preboot.asadmin" --postbootcommandfile "$dir/postboot.asadmin" \
      > "$dir/server.log" 2>&1 &
    echo $! > "$dir/pid"
    for _ in $(seq 1 180); do
      kill -0 "$(cat "$dir/pid")" 2>/dev/null \
        || die "Gateway $name exited during startup; see $dir/server.log"
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/-/health" || true)
      [ "$code" = 200 ] && break
      sleep 0.5
    done
    [ "$code" = 200 ] || { stop_node; die "Gateway $name did not become ready; see $dir/server.log"; }
    log "Gateway $name up: http://127.0.0.1:$port/"
    ;;
  stop)
    stop_node
    ;;
  *)
    sed -n '2,9p' "$0"; exit 2 ;;
esac
