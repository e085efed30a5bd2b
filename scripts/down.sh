#!/usr/bin/env bash
# Stops what scripts/up.sh started (the Payara domain; PostgreSQL keeps running).
source "$(dirname "$0")/lib/common.sh"
bash "$MERIDIAN_ROOT/scripts/master-domain.sh" stop --name meridian-master
log "Stopped the meridian-master domain"
