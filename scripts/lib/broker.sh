# ActiveMQ Artemis brokers for Meridian's datacenters. Source it; do not run it.
#
# Addresses: meridian.announcements (multicast: every gateway of a DC subscribes) carries published
# revisions from the master outwards; meridian.deployments (anycast) carries what each DC activated
# back to the master. Between DCs, core bridges with infinite reconnect and duplicate detection
# store and forward both, so nothing is lost while the link is down. A bridge pings every second
# and gives its connection up after 5 s of silence, then tries to connect every 500 ms, each try
# abandoned after 1 s (connectTimeoutMillis): after a partition it is back within about a second,
# instead of waiting out TCP's retransmission or SYN backoff on a connection made during the cut.
# shellcheck source=install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"

BROKER_USER="${MERIDIAN_BROKER_USER:-meridian}"
BROKER_PASSWORD="${MERIDIAN_BROKER_PASSWORD:-meridian-broker}"

# broker_create DIR NAME PORT ROLE [PEER_URL]
#   ROLE master: announcements are kept for, and bridged to, the read-only DC at PEER_URL (if any).
#   ROLE replica: deployments are bridged back to the master at PEER_URL.
broker_create() {
  local dir="$1" name="$2" port="$3" role="$4" peer="${5:-}"
  require_installed java artemis
  rm -rf "$dir"
  run_logged "$MERIDIAN_WORK/logs/artemis-create-$name.log" "$ARTEMIS_HOME/bin/artemis" create --silent --force --name "$name" --user "$BROKER_USER" \
    --password "$BROKER_PASSWORD" --require-login --no-web --no-autotune --nio \
    --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --host 0.0.0.0 --default-port "$port" --java-memory 256M "$dir"
  sed -i 's/-Xms[0-9]*[MG]/-Xms64M/' "$dir/etc/artemis.profile"
  local addresses bridges=""
  if [ "$role" = master ]; then
    addresses='<address name="meridian.announcements"><multicast>'
    [ -n "$peer" ] && addresses+='<queue name="meridian.announcements.to-replica"/>'
    addresses+='</multicast></address>'
    [ -n "$peer" ] && bridges=$(bridge_xml to-replica meridian.announcements.to-replica meridian.announcements "$peer")
  else
    addresses='<address name="meridian.announcements"><multicast/></address>'
    bridges=$(bridge_xml to-master meridian.deployments meridian.deployments "$peer")
  fi
  addresses+='<address name="meridian.deployments"><anycast><queue name="meridian.deployments"/></anycast></address>'
  python3 - "$dir/etc/broker.xml" "$addresses" "$bridges" <<'PY'
import sys
path, addresses, bridges = sys.argv[1:4]
xml = open(path).read()
xml = xml.replace("<addresses>", "<addresses>" + addresses, 1)
xml = xml.replace("</core>", bridges + "</core>", 1)
open(path, "w").write(xml)
PY
}

bridge_xml() {
  local name="$1" queue="$2" address="$3" url="$4"
  cat <<XML
<connectors><connector name="peer">$url?connectTimeoutMillis=1000</connector></connectors>
<bridges><bridge name="$name">
  <queue-name>$queue</queue-name>
  <forwarding-address>$address</forwarding-address>
  <retry-interval>500</retry-interval>
  <retry-interval-multiplier>1</retry-interval-multiplier>
  <max-retry-interval>500</max-retry-interval>
  <reconnect-attempts>-1</reconnect-attempts>
  <check-period>1000</check-period>
  <connection-ttl>5000</connection-ttl>
  <use-duplicate-detection>true</use-duplicate-detection>
  <confirmation-window-size>1048576</confirmation-window-size>
  <user>$BROKER_USER</user><password>$BROKER_PASSWORD</password>
  <static-connectors><connector-ref>peer</connector-ref></static-connectors>
</bridge></bridges>
XML
}

# broker_start DIR PORT [NETNS]
broker_start() {
  local dir="$1" port="$2" ns="${3:-}" run=()
  [ -n "$ns" ] && run=(ip netns exec "$ns")
  as_root "${run[@]}" env JAVA_HOME="$JAVA_HOME" nohup "$dir/bin/artemis" run >"$dir/log/console.log" 2>&1 &
  echo $! >"$dir/broker.pid"
  for _ in $(seq 1 120); do
    if as_root "${run[@]}" bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
      return 0
    fi
    sleep 0.25
  done
  die "Broker in $dir did not start; see $dir/log/console.log"
}

broker_stop() {
  local dir
  dir=$(realpath -m "$1") # the JVM's -Dartemis.instance is the canonical path
  [ -f "$dir/broker.pid" ] || return 0
  # bin/artemis is a script that starts the JVM as its child: stop both.
  local pids
  pids="$(cat "$dir/broker.pid") $(pgrep -f -- "-Dartemis.instance=$dir " || true)"
  # shellcheck disable=SC2086
  kill $pids 2>/dev/null || true
  for _ in $(seq 1 40); do
    pgrep -f -- "-Dartemis.instance=$dir " >/dev/null || break
    sleep 0.25
  done
  # shellcheck disable=SC2086
  kill -9 $pids $(pgrep -f -- "-Dartemis.instance=$dir " || true) 2>/dev/null || true
  rm -f "$dir/broker.pid"
}
