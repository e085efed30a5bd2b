# The simulated network of a two-datacenter Meridian on one machine. Source it; do not run it.
#
#   host (10.201.0.1) ── mer-wan router (10.201.{0,1,2}.254) ──┬── mer-m: master DC   10.201.1.1
#                                                               └── mer-r: read-only DC 10.201.2.1
#
# The router forwards between the DCs through a 20 ms (each way) delay (NFQUEUE + wan_delay, this
# kernel has no netem), counts the packets that cross (nftables named counters) and can drop them
# all (partition). The host reaches both DCs through the router without delay; an "unreachable"
# route for 10.201.0.0/16 keeps anything else in that range from leaving the machine.
# shellcheck source=install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"

WAN_NS=mer-wan
MASTER_NS=mer-m
REPLICA_NS=mer-r
HOST_IP=10.201.0.1
MASTER_IP=10.201.1.1
REPLICA_IP=10.201.2.1
WAN_DELAY_MS="${MERIDIAN_WAN_DELAY_MS:-20}"
WAN_QUEUE=201
WAN_DIR="$MERIDIAN_WORK/wan"

in_ns() { local ns="$1"; shift; as_root ip netns exec "$ns" "$@"; }

wan_up() {
  wan_down
  require_installed wan
  mkdir -p "$WAN_DIR"
  log "Creating network namespaces $WAN_NS, $MASTER_NS, $REPLICA_NS"
  for ns in $WAN_NS $MASTER_NS $REPLICA_NS; do
    as_root ip netns add "$ns"
    in_ns "$ns" ip link set lo up
  done
  as_root ip link add mer-h type veth peer name wan-h netns $WAN_NS
  as_root ip link add m0 netns $MASTER_NS type veth peer name wan-m netns $WAN_NS
  as_root ip link add r0 netns $REPLICA_NS type veth peer name wan-r netns $WAN_NS
  as_root ip addr add $HOST_IP/24 dev mer-h
  as_root ip link set mer-h up
  in_ns $WAN_NS ip addr add 10.201.0.254/24 dev wan-h
  in_ns $WAN_NS ip addr add 10.201.1.254/24 dev wan-m
  in_ns $WAN_NS ip addr add 10.201.2.254/24 dev wan-r
  for d in wan-h wan-m wan-r; do in_ns $WAN_NS ip link set "$d" up; done
  in_ns $MASTER_NS ip addr add $MASTER_IP/24 dev m0
  in_ns $MASTER_NS ip link set m0 up
  in_ns $MASTER_NS ip route add default via 10.201.1.254
  in_ns $REPLICA_NS ip addr add $REPLICA_IP/24 dev r0
  in_ns $REPLICA_NS ip link set r0 up
  in_ns $REPLICA_NS ip route add default via 10.201.2.254
  in_ns $WAN_NS sysctl -qw net.ipv4.ip_forward=1
  as_root ip route add 10.201.1.0/24 via 10.201.0.254
  as_root ip route add 10.201.2.0/24 via 10.201.0.254
  as_root ip route add unreachable 10.201.0.0/16
  # Counters and the partition switch (nftables), then the delay (iptables' NFQUEUE target:
  # this kernel has nftables' xt compatibility but not its native queue expression).
  in_ns $WAN_NS nft -f - <<NFT
table inet meridian_wan {
  counter master_to_replica {}
  counter replica_to_master {}
  counter replica_to_master_new {}
  counter replica_to_master_other {}
  chain forward {
    type filter hook forward priority -10; policy accept;
    iifname "wan-m" oifname "wan-r" counter name master_to_replica
    iifname "wan-r" oifname "wan-m" counter name replica_to_master
    iifname "wan-r" oifname "wan-m" ct state new tcp dport != ${ARTIFACT_TLS_PORT:-8443} counter name replica_to_master_new
    iifname "wan-r" oifname "wan-m" tcp dport != { 5432, ${BROKER_WAN_PORT:-61617}, ${ARTIFACT_TLS_PORT:-8443} } tcp sport != ${BROKER_WAN_PORT:-61617} counter name replica_to_master_other
    iifname "wan-r" oifname "wan-m" meta l4proto != tcp counter name replica_to_master_other
    jump partition
  }
  chain partition {
  }
}
NFT
  in_ns $WAN_NS iptables -A FORWARD -i wan-m -o wan-r -j NFQUEUE --queue-num $WAN_QUEUE
  in_ns $WAN_NS iptables -A FORWARD -i wan-r -o wan-m -j NFQUEUE --queue-num $WAN_QUEUE
  in_ns $WAN_NS nohup "$WAN_DELAY_BIN" $WAN_QUEUE "$WAN_DELAY_MS" >"$WAN_DIR/wan_delay.log" 2>&1 &
  echo $! >"$WAN_DIR/wan_delay.pid"
  # The delay is part of the contract of this topology: check it, do not assume it.
  local rtt
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    rtt=$(in_ns $MASTER_NS ping -c 3 -i 0.2 -q $REPLICA_IP 2>/dev/null | sed -n 's:.*= [0-9.]*/\([0-9.]*\)/.*:\1:p' || true)
    [ -n "$rtt" ] && break
    sleep 0.2
  done
  [ -n "$rtt" ] || die "The datacenters cannot reach each other"
  awk -v r="$rtt" -v d="$WAN_DELAY_MS" 'BEGIN { exit !(r >= 2 * d * 0.9) }' \
    || die "WAN round trip is ${rtt} ms, expected at least $((2 * WAN_DELAY_MS)) ms"
  log "WAN link up: master <-> read-only round trip ${rtt} ms"
}

wan_down() {
  if [ -f "$WAN_DIR/wan_delay.pid" ]; then
    as_root kill "$(cat "$WAN_DIR/wan_delay.pid")" 2>/dev/null || true
    rm -f "$WAN_DIR/wan_delay.pid"
  fi
  for ns in $MASTER_NS $REPLICA_NS $WAN_NS; do
    if as_root ip netns list | grep -qw "$ns"; then
      # Whatever still runs in a namespace goes with it.
      for pid in $(as_root ip netns pids "$ns"); do as_root kill -9 "$pid" 2>/dev/null || true; done
      as_root ip netns del "$ns"
    fi
  done
  as_root ip link del mer-h 2>/dev/null || true
  as_root ip route del unreachable 10.201.0.0/16 2>/dev/null || true
}

wan_partition() {
  in_ns $WAN_NS nft flush chain inet meridian_wan partition
  in_ns $WAN_NS nft add rule inet meridian_wan partition iifname "wan-m" oifname "wan-r" drop
  in_ns $WAN_NS nft add rule inet meridian_wan partition iifname "wan-r" oifname "wan-m" drop
  log "WAN partitioned: no packet crosses between the datacenters"
}

wan_heal() {
  in_ns $WAN_NS nft flush chain inet meridian_wan partition
  log "WAN healed"
}

# Prints the link's counters as "name packets bytes" lines.
wan_counters() {
  in_ns $WAN_NS nft list counters table inet meridian_wan \
    | awk '/counter /{name=$2} /packets/{print name, $2, $4}'
}
