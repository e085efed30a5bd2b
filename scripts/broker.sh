#!/usr/bin/env bash
# A stand-alone Artemis broker for a single-datacenter setup (the system tests use one):
#
#   scripts/broker.sh start --dir DIR --port PORT
#   scripts/broker.sh stop  --dir DIR
source "$(dirname "$0")/lib/broker.sh"

cmd="${1:-}"; shift || true
dir=""; port=61616
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
[ -n "$dir" ] || die "--dir is required"
case "$cmd" in
  start)
    broker_stop "$dir"
    broker_create "$dir" single "$port" master
    broker_start "$dir" "$port"
    log "Broker up: tcp://127.0.0.1:$port" ;;
  stop) broker_stop "$dir" ;;
  *) sed -n '2,5p' "$0"; exit 2 ;;
esac
