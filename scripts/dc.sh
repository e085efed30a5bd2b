#!/usr/bin/env bash
# Two Meridian datacenters on this machine, each in its own network namespace, joined by a WAN
# link with a real 20 ms delay each way (see scripts/lib/wan.sh).
#
#   scripts/dc.sh up [--ear FILE] [--war FILE] [--replica-gateways N]   build nothing, start all
#   scripts/dc.sh down                          stop everything, remove the namespaces
#   scripts/dc.sh partition | heal              cut / restore the WAN link
#   scripts/dc.sh counters                      packets that crossed the WAN link
#   scripts/dc.sh replay pause|resume           hold back / release WAL replay on the standby
#   scripts/dc.sh gateway stop|start NAME       restart a gateway node (gw-m, gw-r1, gw-r2)
#   scripts/dc.sh lag                           replica replay lag (bytes and seconds)
#
# Master DC (10.201.1.1): PostgreSQL primary, Artemis, nginx artifact server (:8088), Payara
# Server with the control plane (:10080, admin :10048), gateway gw-m (:8280).
# Read-only DC (10.201.2.1): PostgreSQL hot standby, Artemis, gateways gw-r1 (:8280), gw-r2 (:8281).
source "$(dirname "$0")/lib/wan.sh"
source "$(dirname "$0")/lib/postgres.sh"
source "$(dirname "$0")/lib/broker.sh"
source "$(dirname "$0")/lib/artifact-server.sh"

DC_DIR="$MERIDIAN_WORK/dc"
DB=meridian
BROKER_PORT=61616
ARTIFACT_PORT=8088
PORTBASE=10000
MASTER_DC=dc-master
REPLICA_DC=dc-ro1

infra_up() {
  ensure_build_tools
  wan_up
  mkdir -p "$DC_DIR"
  log "Starting PostgreSQL primary (master DC) and hot standby (read-only DC)"
  pg_primary_create master $MASTER_NS $DB
  pg_standby_create replica $REPLICA_NS $MASTER_IP
  log "Starting Artemis brokers and the artifact server"
  broker_create "$DC_DIR/master/broker" master $BROKER_PORT master "tcp://$REPLICA_IP:$BROKER_PORT"
  broker_create "$DC_DIR/replica/broker" replica $BROKER_PORT replica "tcp://$MASTER_IP:$BROKER_PORT"
  broker_start "$DC_DIR/master/broker" $BROKER_PORT $MASTER_NS
  broker_start "$DC_DIR/replica/broker" $BROKER_PORT $REPLICA_NS
  artifact_server_start "$DC_DIR/master/artifacts" "$MASTER_IP:$ARTIFACT_PORT 127.0.0.1:$ARTIFACT_PORT" \
    "127.0.0.1 10.201.1.0/24" $MASTER_NS
}

infra_down() {
  artifact_server_stop "$DC_DIR/master/artifacts"
  broker_stop "$DC_DIR/replica/broker"
  broker_stop "$DC_DIR/master/broker"
  pg_node_stop replica
  pg_node_stop master
  wan_down
}

cmd="${1:-}"; shift || true
case "$cmd" in
  infra-up) infra_up ;;
  down) infra_down ;;
  partition) wan_partition ;;
  heal) wan_heal ;;
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
  *) sed -n '2,17p' "$0"; exit 2 ;;
esac
