#!/usr/bin/env bash
# Throttling across gateway nodes and datacenters, measured on the two-DC topology of scripts/dc.sh
# with two gateway nodes in the read-only DC: brings it up, runs bench/throttle.py (admitted totals
# against the limit for one DC's two nodes, and for a global quota shared by both DCs, evenly,
# unevenly and with the WAN cut), writes bench/results/throttle.txt and the throttling section of
# BENCHMARKS.md, and stops the topology.
source "$(dirname "$0")/../scripts/lib/install.sh"
install_all
cd "$MERIDIAN_ROOT"
[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || run_logged "$MERIDIAN_WORK/logs/build.log" mvn_cmd install -DskipTests
[ "${BENCH_REUSE_TOPOLOGY:-0}" = 1 ] || bash scripts/dc.sh up --replica-gateways 2
trap '[ "${BENCH_REUSE_TOPOLOGY:-0}" = 1 ] || bash scripts/dc.sh down' EXIT
python3 bench/throttle.py
