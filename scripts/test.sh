#!/usr/bin/env bash
# Runs every test: unit tests, repository integration tests against PostgreSQL, and the system
# tests that drive the EAR on a Payara Server domain and a gateway on Payara Micro over HTTP.
# Installs what is missing (Java 17, Maven, PostgreSQL, Payara) and leaves nothing running that
# it started.
#
#   scripts/test.sh [extra Maven arguments]
source "$(dirname "$0")/lib/postgres.sh"

ensure_build_tools
pg_started=$(ensure_postgres)
cleanup() {
  bash "$MERIDIAN_ROOT/scripts/gateway-node.sh" stop --name st-gateway >/dev/null 2>&1 || true
  bash "$MERIDIAN_ROOT/scripts/master-domain.sh" stop --name meridian-st >/dev/null 2>&1 || true
  if [ "${pg_started##*$'\n'}" = started ]; then
    log "Stopping the PostgreSQL this run started"
    stop_postgres
  fi
}
trap cleanup EXIT

ensure_database meridian_it fresh
ensure_database meridian_st fresh

cd "$MERIDIAN_ROOT"
log "Running all tests (mvn verify)"
mvn_cmd verify "$@"
