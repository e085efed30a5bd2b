#!/usr/bin/env bash
# Cross-datacenter propagation benchmark: builds Meridian, brings up the two-DC topology
# (scripts/dc.sh), runs bench/propagation.py, writes bench/results/propagation.txt, and stops the
# topology. BENCH_PROPAGATIONS (default 20) sets the number of publishes and revocations.
source "$(dirname "$0")/../scripts/lib/install.sh"
install_all
cd "$MERIDIAN_ROOT"
[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || run_logged "$MERIDIAN_WORK/logs/build.log" mvn_cmd install -DskipTests
[ "${BENCH_REUSE_TOPOLOGY:-0}" = 1 ] || bash scripts/dc.sh up
trap '[ "${BENCH_REUSE_TOPOLOGY:-0}" = 1 ] || bash scripts/dc.sh down' EXIT
python3 bench/propagation.py
