#!/usr/bin/env bash
# Stops what scripts/up.sh started (the gateway node and the Payara domain; PostgreSQL keeps
# running).
source "$(dirname "$0")/lib/common.sh"
bash "$MERIDIAN_ROOT/scripts/gateway-node.sh" stop --name gw1
bash "$MERIDIAN_ROOT/scripts/master-domain.sh" stop --name meridian-master
log "Stopped the gateway gw1 and the meridian-master domain"
