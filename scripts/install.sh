#!/usr/bin/env bash
# Installs everything Meridian's scripts need, once, in the host network namespace (the DC
# namespaces cannot reach any registry): Java 17, Maven, PostgreSQL, nginx, nftables, iptables and
# libnetfilter-queue from apt; Payara Server and Micro, the ActiveMQ resource adapter, Artemis and
# the PostgreSQL driver from Maven Central into .work/; the WAN delay helper. Idempotent: what is
# there is not downloaded again. up.sh, test.sh and bench/*.sh call it first.
#
#   scripts/install.sh [--browser] [--bench]     (--browser: Chromium + ChromeDriver; --bench: wrk, hey, perf)
source "$(dirname "$0")/lib/install.sh"

extras=()
for arg in "$@"; do
  case "$arg" in
    --browser) extras+=(browser) ;;
    --bench) extras+=(bench) ;;
    *) sed -n '2,8p' "$0"; exit 2 ;;
  esac
done
install_all "${extras[@]}"
log "Installed: Java 17, Maven, PostgreSQL, nginx, WAN tools, Payara Server and Micro $PAYARA_VERSION, Artemis $ARTEMIS_VERSION, activemq-rar $ACTIVEMQ_RAR_VERSION (in $MERIDIAN_WORK)"
