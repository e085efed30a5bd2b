#!/usr/bin/env bash
# Runs every test: unit tests, repository integration tests against PostgreSQL, the container
# tests (Arquillian micro-deployments of the master's services and MDBs into a Payara Server domain
# without the EAR, and of the gateway's sync MDB into Payara Micro, with their own broker and
# database meridian_ct), the system tests that drive the EAR on a Payara Server domain and a gateway
# on Payara Micro over HTTP, and the multi-datacenter system tests on the two-DC topology of
# scripts/dc.sh (network namespaces: needs root). Installs what is missing first
# (scripts/install.sh: Java 17, Maven, PostgreSQL, Payara, Artemis, nginx, iptables, nftables), in
# the host namespace, and leaves nothing running that it started. For the whole run a watcher
# (scripts/lib/cmdline_watch.py) reads every process's command line for the secrets the set-up
# generates (.work/secrets): one found fails the run (and CommandLineSecretsIT).
#
#   scripts/test.sh [extra Maven arguments]
source "$(dirname "$0")/lib/postgres.sh"

install_all browser # Chromium and its driver for the browser tests
pg_started=$(ensure_postgres)
WATCH_REPORT="$MERIDIAN_WORK/cmdline-watch.json"
cleanup() {
  [ -n "${watch_pid:-}" ] && kill "$watch_pid" 2>/dev/null || true
  bash "$MERIDIAN_ROOT/scripts/dc.sh" down >/dev/null 2>&1 || true
  bash "$MERIDIAN_ROOT/container-tests/src/test/scripts/gateway.sh" stop "$MERIDIAN_WORK/container-tests/gateway" >/dev/null 2>&1 || true
  bash "$MERIDIAN_ROOT/scripts/master-domain.sh" stop --name meridian-ct >/dev/null 2>&1 || true
  bash "$MERIDIAN_ROOT/scripts/broker.sh" stop --dir "$MERIDIAN_WORK/container-tests/broker" >/dev/null 2>&1 || true
  bash "$MERIDIAN_ROOT/scripts/broker.sh" stop --dir "$MERIDIAN_WORK/system-tests/broker" >/dev/null 2>&1 || true
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
ensure_database meridian_ct fresh
rm -rf "$MERIDIAN_WORK/system-tests" # the single-DC system tests' artifact directory and broker
rm -rf "$MERIDIAN_WORK/container-tests" # the container tests' broker, artifacts and gateway node

rm -f "$WATCH_REPORT"
python3 "$MERIDIAN_ROOT/scripts/lib/cmdline_watch.py" "$SECRETS_DIR" "$WATCH_REPORT" &
watch_pid=$!
wait_until 10 test -s "$WATCH_REPORT" || die "The command-line watcher did not start"
jq -e .self_check "$WATCH_REPORT" >/dev/null || die "The command-line watcher cannot see command lines"

cd "$MERIDIAN_ROOT"
log "Running all tests (mvn verify)"
mvn_cmd verify "$@"

kill -0 "$watch_pid" 2>/dev/null || die "The command-line watcher stopped during the run"
kill "$watch_pid"; wait "$watch_pid" 2>/dev/null || true; watch_pid=""
log "Command lines: $(jq -r '"\(.samples) samples over \(.seconds) s, \(.processes_seen) processes, \(.secrets_known) secrets, \(.findings | length) found"' "$WATCH_REPORT")"
[ "$(jq '.findings | length' "$WATCH_REPORT")" = 0 ] \
  || die "A secret was on a process's command line: $(jq -c .findings "$WATCH_REPORT")"
