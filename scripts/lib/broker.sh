# ActiveMQ Artemis brokers for Meridian's datacenters. Source it; do not run it.
#
# Addresses: meridian.announcements (multicast: every gateway of a DC subscribes) carries published
# revisions from the master outwards; meridian.deployments (anycast) carries what each DC activated
# back to the master. Between DCs, core bridges with infinite reconnect and duplicate detection
# store and forward both, so nothing is lost while the link is down. A bridge pings every second
# and gives its connection up after 5 s of silence, then tries to connect every 500 ms, each try
# abandoned after 1 s (connectTimeoutMillis): after a partition it is back within about a second,
# instead of waiting out TCP's retransmission or SYN backoff on a connection made during the cut.
#
# Security: a broker's own DC reaches it on loopback (127.0.0.1:PORT, user meridian, everything
# allowed); other DCs only on its WAN acceptor (WAN_IP:61617, TLS with a certificate from the
# installation's CA, core protocol), each with a user of its own that may do one thing: on the
# master's broker, read-only DC X's user X may only send to meridian.deployments (its
# acknowledgements); on X's broker, the master's user "master" may only send to
# meridian.announcements. Bridges verify the peer's certificate and address (verifyHost). Passwords
# are generated secrets (.work/secrets/broker-*), written only into the brokers' own files.
# shellcheck source=install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"
# shellcheck source=pki.sh
source "$(dirname "${BASH_SOURCE[0]}")/pki.sh"

BROKER_USER="${MERIDIAN_BROKER_USER:-meridian}"
BROKER_WAN_PORT=61617

# The secret (name) of the password of a broker's local user.
broker_local_secret() { printf 'broker-local-%s' "$1"; }

# broker_create DIR NAME PORT ROLE [WAN_IP PEER_IP READ_ONLY_DC]
#   ROLE master: announcements are kept for, and bridged to, the read-only DC's broker at PEER_IP
#   (if given). ROLE replica (of READ_ONLY_DC): deployments are bridged back to the master at PEER_IP.
broker_create() {
  local dir="$1" name="$2" port="$3" role="$4" wan_ip="${5:-}" peer="${6:-}" rdc="${7:-}"
  require_installed java artemis
  rm -rf "$dir"
  # No user on the command line: the users and roles files are written below.
  run_logged "$MERIDIAN_WORK/logs/artemis-create-$name.log" "$ARTEMIS_HOME/bin/artemis" create --silent --force \
    --name "$name" --require-login --no-web --no-autotune --nio \
    --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --host 127.0.0.1 --default-port "$port" --java-memory 256M "$dir"
  sed -i 's/-Xms[0-9]*[MG]/-Xms64M/' "$dir/etc/artemis.profile"
  # A persistent message waits for the journal's next flush: NIO's default buffer timeout is
  # 3.3 ms, paid by each broker an announcement crosses; an fsync here takes well under 1 ms.
  sed -i 's#<journal-type>NIO</journal-type>#&<journal-buffer-timeout>500000</journal-buffer-timeout>#' \
    "$dir/etc/broker.xml"
  local addresses bridges="" acceptor="" users roles wan_role="" wan_send="" trust
  (umask 077
   printf '%s = %s\n' "$BROKER_USER" "$(secret "$(broker_local_secret "$name")")" > "$dir/etc/artemis-users.properties"
   printf 'local = %s\n' "$BROKER_USER" > "$dir/etc/artemis-roles.properties")
  if [ -n "$wan_ip" ]; then
    local p12 p12pass
    pki_issue "broker-$name" "IP:$wan_ip"
    p12=$(pki_pkcs12 "broker-$name"); p12pass=$(secret "pki-broker-$name.p12")
    install -m 600 "$p12" "$dir/etc/broker.p12"
    local tls="sslEnabled=true;keyStorePath=$dir/etc/broker.p12;keyStorePassword=$p12pass;keyStoreType=PKCS12;enabledProtocols=TLSv1.3,TLSv1.2;"
    [ "$WAN_TLS" = 1 ] || tls=""
    acceptor="<acceptor name=\"wan\">tcp://$wan_ip:$BROKER_WAN_PORT?${tls}protocols=CORE</acceptor>"
    trust=$(pki_truststore)
    install -m 600 "$trust" "$dir/etc/trust.p12"
    if [ "$role" = master ]; then
      wan_role="$rdc"; wan_send=meridian.deployments
      printf '%s = %s\n' "$rdc" "$(secret "broker-$rdc-at-master")" >> "$dir/etc/artemis-users.properties"
    else
      wan_role=master; wan_send=meridian.announcements
      printf 'master = %s\n' "$(secret "broker-master-at-$rdc")" >> "$dir/etc/artemis-users.properties"
    fi
    printf '%s = %s\n' "$wan_role" "$wan_role" >> "$dir/etc/artemis-roles.properties"
  fi
  if [ "$role" = master ]; then
    addresses='<address name="meridian.announcements"><multicast>'
    [ -n "$peer" ] && addresses+='<queue name="meridian.announcements.to-replica"/>'
    addresses+='</multicast></address>'
    [ -n "$peer" ] && bridges=$(bridge_xml "$dir" to-replica meridian.announcements.to-replica meridian.announcements \
      "$peer" master "$(secret "broker-master-at-$rdc")")
  else
    addresses='<address name="meridian.announcements"><multicast/></address>'
    bridges=$(bridge_xml "$dir" to-master meridian.deployments meridian.deployments "$peer" \
      "$rdc" "$(secret "broker-$rdc-at-master")")
  fi
  addresses+='<address name="meridian.deployments"><anycast><queue name="meridian.deployments"/></anycast></address>'
  local security
  security=$(security_xml "$wan_role" "$wan_send")
  # The values reach python on standard input (passwords among them), not on its command line.
  printf '%s\0%s\0%s\0%s' "$addresses" "$bridges" "$acceptor" "$security" | python3 -c '
import re, sys
path = sys.argv[1]
addresses, bridges, acceptor, security = sys.stdin.read().split("\0")
xml = open(path).read()
xml = xml.replace("<addresses>", "<addresses>" + addresses, 1)
xml = xml.replace("</core>", bridges + "</core>", 1)
xml = xml.replace("</acceptors>", acceptor + "</acceptors>", 1)
xml = re.sub(r"<security-settings>.*?</security-settings>", lambda m: security, xml, count=1, flags=re.S)
open(path, "w").write(xml)
' "$dir/etc/broker.xml"
  chmod 600 "$dir/etc/broker.xml"
}

# security_xml [WAN_ROLE ADDRESS]: the local role may do anything; WAN_ROLE only send to ADDRESS.
security_xml() {
  local wan_role="${1:-}" address="${2:-}" perms="" t
  for t in createNonDurableQueue deleteNonDurableQueue createDurableQueue deleteDurableQueue \
    createAddress deleteAddress consume browse send manage; do
    perms+="<permission type=\"$t\" roles=\"local\"/>"
  done
  printf '<security-settings><security-setting match="#">%s</security-setting>' "$perms"
  if [ -n "$wan_role" ]; then
    printf '<security-setting match="%s">%s</security-setting>' "$address" \
      "${perms/<permission type=\"send\" roles=\"local\"\/>/<permission type=\"send\" roles=\"local,$wan_role\"/>}"
  fi
  printf '</security-settings>'
}

# bridge_xml DIR NAME QUEUE ADDRESS PEER_IP USER PASSWORD: a TLS bridge to the peer's WAN acceptor.
bridge_xml() {
  local dir="$1" name="$2" queue="$3" address="$4" peer="$5" user="$6" password="$7"
  local tls=";sslEnabled=true;verifyHost=true;trustStorePath=$dir/etc/trust.p12;trustStorePassword=$(secret pki-ca.p12);trustStoreType=PKCS12"
  [ "$WAN_TLS" = 1 ] || tls=""
  cat <<XML
<connectors><connector name="peer">tcp://$peer:$BROKER_WAN_PORT?connectTimeoutMillis=1000$tls</connector></connectors>
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
  <user>$user</user><password>$password</password>
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
