#!/usr/bin/env bash
# Cross-datacenter propagation benchmark: builds Meridian, brings up the two-DC topology
# (scripts/dc.sh), runs bench/propagation.py, writes bench/results/propagation.txt, and stops the
# topology. BENCH_PROPAGATIONS (default 20) sets the number of publishes and revocations.
#
#   bench/propagation.sh [--compare-tls]
#
# --compare-tls: in the same sitting, first the topology with its WAN links in plain text
# (MERIDIAN_WAN_TLS=0, bench/results/propagation-plain.txt), then as always, over TLS
# (bench/results/propagation.txt): what TLS on every WAN link costs.
source "$(dirname "$0")/../scripts/lib/install.sh"
install_all
cd "$MERIDIAN_ROOT"
[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || run_logged "$MERIDIAN_WORK/logs/build.log" mvn_cmd install -DskipTests
if [ "${1:-}" = --compare-tls ]; then
  trap 'bash scripts/dc.sh down' EXIT
  MERIDIAN_WAN_TLS=0 bash scripts/dc.sh up
  MERIDIAN_WAN_TLS=0 BENCH_OUTPUT=bench/results/propagation-plain.txt python3 bench/propagation.py
  bash scripts/dc.sh down
  bash scripts/dc.sh up
  python3 bench/propagation.py
  exit 0
fi
[ "${BENCH_REUSE_TOPOLOGY:-0}" = 1 ] || bash scripts/dc.sh up
trap '[ "${BENCH_REUSE_TOPOLOGY:-0}" = 1 ] || bash scripts/dc.sh down' EXIT
python3 bench/propagation.py
