#!/usr/bin/env bash
# Stops what scripts/up.sh started: gateways, the Payara domain, brokers, nginx, both PostgreSQL
# nodes, the delay helper and the network namespaces.
source "$(dirname "$0")/lib/common.sh"
bash "$MERIDIAN_ROOT/scripts/dc.sh" down
log "Stopped both datacenters"
