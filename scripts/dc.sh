#!/usr/bin/env bash
# Two Meridian datacenters on this machine, each in its own network namespace, joined by a WAN
# link with a real 20 ms delay each way (see scripts/lib/wan.sh).
#
#   scripts/dc.sh up [--ear FILE] [--war FILE] [--replica-gateways N]   start all (builds nothing)
#   scripts/dc.sh down                          stop everything, remove the namespaces
#   scripts/dc.sh partition | heal              cut / restore the WAN link
#   scripts/dc.sh counters                      packets that crossed the WAN link
#   scripts/dc.sh replay pause|resume           hold back / release WAL replay on the standby
#   scripts/dc.sh gateway stop|start NAME       stop / start a gateway node (gw-m, gw-r1, gw-r2)
#   scripts/dc.sh lag                           replica replay lag (bytes and seconds)
#   scripts/dc.sh ports                         TCP ports listening in each DC ("mer-m 8080" lines)
#   scripts/dc.sh sql master|replica QUERY      run a query on the meridian database (psql -At)
#   scripts/dc.sh capture start FILE | stop     record every packet of the WAN link (tcpdump, pcap)
#
# Master DC (10.201.1.1): PostgreSQL primary (:5432, TLS), Artemis (loopback :61616, WAN :61617
# TLS), nginx artifact server (loopback :8088 reads and authenticated writes, WAN :8443 HTTPS
# reads), Payara Server with the control plane (:8080, admin :8048, secure admin), gateway gw-m
# (:8280, node admin :9280), demo backend (:9000). Read-only DC (10.201.2.1): PostgreSQL hot standby
# (loopback), Artemis (loopback :61616, WAN :61617 TLS), gateways gw-r1 (:8280, node admin :9280),
# gw-r2 (:8281, :9281), demo backend (:9000). What crosses the WAN, and with which credential:
# README, "Security".
source "$(dirname "$0")/lib/wan.sh"
source "$(dirname "$0")/lib/postgres.sh"
source "$(dirname "$0")/lib/broker.sh"
source "$(dirname "$0")/lib/artifact-server.sh"
source "$(dirname "$0")/lib/payara.sh"
source "$(dirname "$0")/lib/pki.sh"

DC_DIR="$MERIDIAN_WORK/dc"
DB=meridian
BROKER_PORT=61616
ARTIFACT_PORT=8088     # the master DC's loopback: reads, and writes with the writer's credentials
ARTIFACT_TLS_PORT=8443 # the WAN: HTTPS reads only
PORTBASE=8000 # HTTP 8080, admin 8048: no port on the browsers' blocked list
# nginx's workers run as www-data and must reach the artifact files: not under the clone, whose
# parents may be closed to other users (Debian 12 creates home directories with mode 700).
ARTIFACT_DIR=/var/lib/meridian/artifact-server
MASTER_DC=dc-master
REPLICA_DC=dc-ro1
# The application role's password in this topology: generated, handed over as a file.
PG_PASSWORD=$(secret db-meridian)

infra_up() {
  require_installed java postgresql nginx wan artemis payara-server payara-micro activemq-rar postgresql-driver
  wan_up
  mkdir -p "$DC_DIR"
  log "Starting PostgreSQL primary (master DC) and hot standby (read-only DC)"
  pg_primary_create master $MASTER_NS $DB $MASTER_IP $REPLICA_DC 10.201.2.0/24
  pg_gateway_role_create master $DB $MASTER_DC
  pg_standby_create replica $REPLICA_NS $MASTER_IP $REPLICA_DC
  log "Starting Artemis brokers and the artifact server"
  broker_create "$DC_DIR/master/broker" master $BROKER_PORT master $MASTER_IP $REPLICA_IP $REPLICA_DC
  broker_create "$DC_DIR/replica/broker" replica $BROKER_PORT replica $REPLICA_IP $MASTER_IP $REPLICA_DC
  broker_start "$DC_DIR/master/broker" $BROKER_PORT $MASTER_NS
  broker_start "$DC_DIR/replica/broker" $BROKER_PORT $REPLICA_NS
  artifact_server_start "$ARTIFACT_DIR" "127.0.0.1:$ARTIFACT_PORT" $MASTER_IP $ARTIFACT_TLS_PORT $MASTER_NS
  demo_backend_start "$DC_DIR/master/backend" "$MASTER_IP:9000" $MASTER_NS $MASTER_DC
  demo_backend_start "$DC_DIR/replica/backend" "$REPLICA_IP:9000" $REPLICA_NS $REPLICA_DC
}

infra_down() {
  artifact_server_stop "$ARTIFACT_DIR"
  artifact_server_stop "$DC_DIR/master/backend"
  artifact_server_stop "$DC_DIR/replica/backend"
  broker_stop "$DC_DIR/replica/broker"
  broker_stop "$DC_DIR/master/broker"
  pg_node_stop replica
  pg_node_stop master
  wan_down
}

replica_streaming() {
  [ "$(pg_node_sql replica -c "SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming'")" = 1 ]
}

# The master domain's environment (global quotas are split between the two datacenters).
master_env() {
  # Secrets as files only: these assignments are on env's command line.
  MASTER_ENV=(MERIDIAN_DB_HOST=127.0.0.1 PG_SOCKET_DIR="$(pg_node_dir master)/run"
    MERIDIAN_DB_PASSWORD_FILE="$(secret_file db-meridian)"
    MERIDIAN_ARTIFACTS_LOCATION="http://127.0.0.1:$ARTIFACT_PORT/"
    MERIDIAN_ARTIFACTS_CREDENTIALS_FILE="$(artifact_writer_credentials)"
    MERIDIAN_BROKER_URL="tcp://127.0.0.1:$BROKER_PORT"
    MERIDIAN_BROKER_PASSWORD_FILE="$(secret_file "$(broker_local_secret master)")"
    MERIDIAN_EXTRA_CONFIG="meridian.datacenters=$MASTER_DC,$REPLICA_DC meridian.store.gateways=$MASTER_DC=http://$MASTER_IP:8280,$REPLICA_DC=http://$REPLICA_IP:8280 ${MERIDIAN_EXTRA_CONFIG:-}")
}

# gateway NAME start|stop: the DC follows from the name (gw-m: master, gw-rN: read-only).
gateway() {
  local name="$1" action="$2" ns port dc artifacts ip members grid nodes broker_secret ca=()
  # Each DC's gateways form one data grid (throttle counts): members listed, never across DCs.
  # The read-only DC's gateways read artifacts over HTTPS (the installation's CA), their standby as
  # their DC's own gateway role (SELECT only), their broker as its local user.
  case "$name" in
    gw-m) ns=$MASTER_NS; port=8280; dc=$MASTER_DC; artifacts="http://127.0.0.1:$ARTIFACT_PORT/"
      broker_secret=$(broker_local_secret master)
      ip=$MASTER_IP; members="$MASTER_IP:6900"; grid=6900; nodes=1 ;;
    gw-r[1-9]) ns=$REPLICA_NS; port=$((8279 + ${name#gw-r})); dc=$REPLICA_DC; artifacts="https://$MASTER_IP:$ARTIFACT_TLS_PORT/"
      broker_secret=$(broker_local_secret replica); pki_ca; ca=(--artifacts-ca "$PKI_DIR/ca.crt")
      [ "$WAN_TLS" = 1 ] || { artifacts="http://$MASTER_IP:$ARTIFACT_TLS_PORT/"; ca=(); }
      ip=$REPLICA_IP; members="$REPLICA_IP:6900,$REPLICA_IP:6901"; grid=$((6899 + ${name#gw-r}))
      nodes=$(( ${name#gw-r} > ${REPLICA_GATEWAYS:-1} ? ${name#gw-r} : ${REPLICA_GATEWAYS:-1} )) ;;
    *) die "unknown gateway $name" ;;
  esac
  if [ "$action" = stop ]; then
    bash "$MERIDIAN_ROOT/scripts/gateway-node.sh" stop --name "$name"
    return
  fi
  # Global quotas are split between the two datacenters; every answer names the datacenter and the
  # API revision that served it (Meridian-Datacenter, Meridian-Api-Revision).
  as_root ip netns exec "$ns" env MERIDIAN_GATEWAY_JAVA_OPTS="${MERIDIAN_GATEWAY_JAVA_OPTS:--Xms256m -Xmx384m -XX:+UseParallelGC}" \
    MERIDIAN_GATEWAY_PROPERTIES="meridian.gateway.throttle.datacenters=2 meridian.gateway.response.served-by-headers=true meridian.gateway.traffic.ship-seconds=2 ${MERIDIAN_GATEWAY_PROPERTIES:-}" \
    bash "$MERIDIAN_ROOT/scripts/gateway-node.sh" start --name "$name" --port "$port" --db $DB \
    --db-host 127.0.0.1 --db-user "gateway_$(pg_role_suffix "$dc")" --db-password-file "$(secret_file "db-gateway-$dc")" \
    --datacenter "$dc" --artifacts "$artifacts" "${ca[@]}" \
    --broker "tcp://127.0.0.1:$BROKER_PORT" --broker-password-file "$(secret_file "$broker_secret")" --reconcile "${MERIDIAN_RECONCILE_SECONDS:-10}" ${war:+--war "$war"} \
    --cluster-members "$members" --cluster-port "$grid" --cluster-interface "$ip" --datacenter-nodes "$nodes"
}

# capture_start FILE: tcpdump on the master's side of the WAN link, every packet between the two
# DCs (not the host's own calls to the master, which take the same interface).
capture_start() {
  local file; file=$(realpath -m "$1")
  capture_stop
  mkdir -p "$(dirname "$file")"
  rm -f "$DC_DIR/tcpdump.log"
  in_ns $WAN_NS tcpdump -Z root -i wan-m -U -s 0 -w "$file" "net ${REPLICA_IP%.*}.0/24" >"$DC_DIR/tcpdump.log" 2>&1 &
  echo $! > "$DC_DIR/tcpdump.pid"
  wait_until 10 grep -q "listening on" "$DC_DIR/tcpdump.log" || die "tcpdump did not start; see $DC_DIR/tcpdump.log"
}

capture_stop() {
  [ -f "$DC_DIR/tcpdump.pid" ] || return 0
  rm -f "$DC_DIR/tcpdump.pid"
  # tcpdump is a grandchild of the recorded shell: stop it by its command line, and wait until it
  # has written the end of its file.
  as_root pkill -INT -f "^tcpdump -Z root -i wan-m " || true
  for _ in $(seq 1 50); do pgrep -f "^tcpdump -Z root -i wan-m " >/dev/null || break; sleep 0.1; done
}

up() {
  [ "$WAN_TLS" = 1 ] || log "WARNING: MERIDIAN_WAN_TLS=0: the links between the datacenters run in PLAIN TEXT (for measuring TLS's cost only)"
  infra_up
  rm -rf "$MERIDIAN_WORK/gateway-cache"
  log "Starting the control plane on Payara Server (master DC)"
  master_env
  as_root ip netns exec $MASTER_NS env "${MASTER_ENV[@]}" \
    bash "$MERIDIAN_ROOT/scripts/master-domain.sh" start --name meridian-dc-master \
    --portbase $PORTBASE --db $DB --secure-admin ${ear:+--ear "$ear"}
  gateway gw-m start
  export REPLICA_GATEWAYS="$replica_gateways"
  for i in $(seq 1 "$replica_gateways"); do gateway "gw-r$i" start; done
}

down() {
  for g in gw-m gw-r1 gw-r2; do bash "$MERIDIAN_ROOT/scripts/gateway-node.sh" stop --name "$g"; done
  domain_stop meridian-dc-master
  capture_stop
  infra_down
}

cmd="${1:-}"; shift || true
ear=""; war=""; replica_gateways=1
case "$cmd" in
  up)
    while [ $# -gt 0 ]; do
      case "$1" in
        --ear) ear="$2"; shift 2 ;;
        --war) war="$2"; shift 2 ;;
        --replica-gateways) replica_gateways="$2"; shift 2 ;;
        *) die "unknown option $1" ;;
      esac
    done
    up ;;
  down) down ;;
  gateway) gateway "${2:?gateway NAME start|stop}" "${1:?}" ;;
  partition) wan_partition ;;
  heal)
    wan_heal
    # Healed means replication streams again (the brokers' bridges retry every 2 s at most).
    wait_until 60 replica_streaming || die "The standby did not resume streaming within 60 s" ;;
  counters) wan_counters ;;
  replay)
    case "${1:-}" in
      pause) pg_node_sql replica -c "SELECT pg_wal_replay_pause()" >/dev/null ;;
      resume) pg_node_sql replica -c "SELECT pg_wal_replay_resume()" >/dev/null ;;
      *) die "replay pause|resume" ;;
    esac ;;
  lag)
    pg_node_sql replica -c "SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()),
      coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)" ;;
  ports)
    for ns in $MASTER_NS $REPLICA_NS; do
      in_ns "$ns" ss -ltnH | awk -v ns="$ns" '{n = split($4, a, ":"); print ns, a[n]}' | sort -u -k2n
    done ;;
  capture)
    case "${1:-}" in
      start) capture_start "${2:?capture start FILE}" ;;
      stop) capture_stop ;;
      *) die "capture start FILE | stop" ;;
    esac ;;
  sql)
    case "${1:-}" in
      master | replica) pg_node_sql "$1" -d "$DB" -c "${2:?sql master|replica QUERY}" ;;
      *) die "sql master|replica QUERY" ;;
    esac ;;
  *) sed -n '2,22p' "$0"; exit 2 ;;
esac
