#!/usr/bin/env bash
# The container tests' gateway node: Payara Micro, which Arquillian starts with the test archive
# (arquillian.xml, qualifier payara-micro). This prepares what the node boots with, the way
# scripts/gateway-node.sh does for a real node: its post-boot commands (the database as
# jdbc/meridian-replica, the resource adapter and its broker: MERIDIAN_BROKER_URL), a fresh root,
# cache and artifact directory; and stops a node that outlived its test run.
#
#   gateway.sh prepare DIR DB
#   gateway.sh stop DIR
source "$(dirname "$0")/../../../../scripts/lib/postgres.sh"
source "$(dirname "$0")/../../../../scripts/lib/payara.sh"

cmd="${1:-}"; dir="${2:-}"
[ -n "$dir" ] || { sed -n '2,9p' "$0"; exit 2; }
dir=$(realpath -m "$dir")

# Arquillian stops the node after its tests; this is for a test JVM that died first. The node is
# the java process booted with this root (the path is unique to these tests).
stop_node() {
  local pids
  pids=$(pgrep -f -- "--rootdir $dir/root" || true)
  [ -z "$pids" ] && return 0
  log "Stopping the container tests' gateway node ($pids)"
  # shellcheck disable=SC2086
  kill $pids 2>/dev/null || true
  for _ in $(seq 1 40); do
    pgrep -f -- "--rootdir $dir/root" >/dev/null || return 0
    sleep 0.25
  done
  # shellcheck disable=SC2086
  kill -9 $pids 2>/dev/null || true
}

case "$cmd" in
  prepare)
    db="${3:?database name}"
    require_installed java payara-micro activemq-rar postgresql-driver
    stop_node
    rm -rf "$dir"
    mkdir -p "$dir/artifacts" "$dir/cache"
    # The resource adapter is deployed by the post-boot commands, which run before the node
    # deploys anything: Arquillian puts the test archive first on the command line, and Payara
    # Micro deploys in that order (the archive's MDB would find no adapter).
    (umask 077
     { micro_resource_commands "$PG_HOST" "$db" "${MERIDIAN_BROKER_URL:?}"
       echo "deploy --type rar --name activemq-rar-$ACTIVEMQ_RAR_VERSION $ACTIVEMQ_RAR"
     } > "$dir/postboot.asadmin")
    log "Gateway node configuration for the container tests in $dir"
    ;;
  stop)
    stop_node
    ;;
  *)
    sed -n '2,9p' "$0"; exit 2 ;;
esac
