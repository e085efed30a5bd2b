# Everything Meridian's scripts run, and the one place that installs it. Source it; do not run it.
#
# install_all (scripts/install.sh; called by up.sh, test.sh and bench/*.sh before anything else)
# downloads and installs in the HOST network namespace: Debian packages with apt, and Payara
# Server, Payara Micro, the ActiveMQ resource adapter, Artemis and the PostgreSQL driver from Maven
# Central into .work/. The datacenter namespaces have no route to any registry, so the scripts that
# run inside one (master-domain.sh, gateway-node.sh, the brokers, PostgreSQL nodes) only ever call
# the require_* functions below, which stop with a message naming scripts/install.sh; apt and Maven
# themselves refuse to run inside a namespace (common.sh).
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ACTIVEMQ_RAR_VERSION=6.1.7
ARTEMIS_VERSION="${ARTEMIS_VERSION:-2.40.0}"
POSTGRESQL_DRIVER_VERSION=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' "$MERIDIAN_ROOT/pom.xml")
JAKARTAEE_API_VERSION=10.0.0

PAYARA_HOME="${MERIDIAN_PAYARA_HOME:-$MERIDIAN_WORK/payara-$PAYARA_VERSION/payara6}"
ASADMIN="$PAYARA_HOME/bin/asadmin"
PAYARA_MICRO_JAR="$MERIDIAN_WORK/payara-micro-$PAYARA_VERSION.jar"
ACTIVEMQ_RAR="$MERIDIAN_WORK/activemq-rar-$ACTIVEMQ_RAR_VERSION.rar"
# Boot-time helpers for gateway nodes (made from the two above, no download; see gateway-node.sh):
# Payara Micro's runtime unpacked once, with its launcher jar, and the resource adapter with only
# what a client of a remote broker loads (same file name: it names the adapter).
PAYARA_MICRO_RUNTIME="$MERIDIAN_WORK/payara-micro-$PAYARA_VERSION-runtime"
ACTIVEMQ_CLIENT_RAR="$MERIDIAN_WORK/activemq-rar-client/activemq-rar-$ACTIVEMQ_RAR_VERSION.rar"
ARTEMIS_HOME="$MERIDIAN_WORK/apache-artemis-$ARTEMIS_VERSION"
POSTGRESQL_DRIVER_JAR="$MERIDIAN_WORK/lib/postgresql-$POSTGRESQL_DRIVER_VERSION.jar"
JAKARTAEE_API_JAR="$MERIDIAN_WORK/lib/jakarta.jakartaee-api-$JAKARTAEE_API_VERSION.jar"
WAN_DELAY_BIN="$MERIDIAN_WORK/wan/wan_delay"
INSTALL_LOGS="$MERIDIAN_WORK/logs/install"

# Debian packages every topology needs: the build, PostgreSQL, nginx (artifact server, demo
# backends), the WAN simulation (namespaces, nftables, iptables' NFQUEUE, the delay helper).
APT_BASE=(curl unzip ca-certificates openssl python3 jq procps iproute2 iputils-ping postgresql postgresql-client
  nginx-light iptables nftables tcpdump libnetfilter-queue-dev gcc libc6-dev)
APT_BROWSER=(chromium chromium-driver)
APT_BENCH=(wrk hey linux-perf)

# maven_fetch GROUP:ARTIFACT:VERSION[:TYPE[:CLASSIFIER]] DIR: copies one artifact from Maven
# Central (through the local repository) into DIR, without a version in its name. Run outside the
# project, so Maven does not load the reactor; the registry's answer is shown if it fails.
maven_fetch() {
  local coords="$1" dir="$2" name
  name=$(echo "$coords" | cut -d: -f2)
  mkdir -p "$dir"
  log "Downloading $coords from Maven Central"
  (cd "$MERIDIAN_WORK" && run_logged "$INSTALL_LOGS/maven-$name.log" mvn_cmd \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$coords" -DoutputDirectory="$dir" -Dmdep.stripVersion=true -Dmdep.overWriteReleases=true) \
    || die "Could not download $coords (full Maven output: $INSTALL_LOGS/maven-$name.log)"
}

install_java_maven() {
  apt_install curl ca-certificates
  if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -q 'version "17'; then
    apt_install openjdk-17-jdk-headless
  fi
  command -v mvn >/dev/null 2>&1 || apt_install maven
  require_java
}

# Archives are unpacked beside their target and moved into place whole, so an interrupted install
# never leaves a half-unpacked server that looks installed.
install_payara_server() {
  [ -x "$ASADMIN" ] && return 0
  local dir="$MERIDIAN_WORK/payara-$PAYARA_VERSION" staging="$MERIDIAN_WORK/download/payara"
  maven_fetch "fish.payara.distributions:payara:$PAYARA_VERSION:zip" "$MERIDIAN_WORK/download"
  rm -rf "$staging" "$dir"
  run_logged "$INSTALL_LOGS/unzip-payara.log" unzip -o "$MERIDIAN_WORK/download/payara.zip" -d "$staging"
  mv "$staging" "$dir"
  [ -x "$ASADMIN" ] || die "Payara Server was not unpacked to $PAYARA_HOME"
}

install_payara_micro() {
  [ -f "$PAYARA_MICRO_JAR" ] && return 0
  maven_fetch "fish.payara.extras:payara-micro:$PAYARA_VERSION" "$MERIDIAN_WORK/download"
  mv "$MERIDIAN_WORK/download/payara-micro.jar" "$PAYARA_MICRO_JAR"
}

install_activemq_rar() {
  [ -f "$ACTIVEMQ_RAR" ] && return 0
  maven_fetch "org.apache.activemq:activemq-rar:$ACTIVEMQ_RAR_VERSION:rar" "$MERIDIAN_WORK/download"
  mv "$MERIDIAN_WORK/download/activemq-rar.rar" "$ACTIVEMQ_RAR"
}

# install_payara_micro_runtime: Payara Micro's runtime unpacked once (--outputlauncher), so that
# a gateway node does not unpack 97 MB of jars at every start. The launcher starts Payara Micro
# from the directory it sits in: gateway-node.sh gives each node a root of its own that links to
# runtime/ and starts from a fresh copy of the pristine configuration kept here in config.pristine.
# Idempotent; made beside its target and moved into place whole. Needs no network.
install_payara_micro_runtime() {
  [ -f "$PAYARA_MICRO_RUNTIME/launch-micro.jar" ] && [ -d "$PAYARA_MICRO_RUNTIME/config.pristine" ] \
    && [ ! "$PAYARA_MICRO_JAR" -nt "$PAYARA_MICRO_RUNTIME/launch-micro.jar" ] && return 0
  [ -f "$PAYARA_MICRO_JAR" ] || return 1
  local staging="$PAYARA_MICRO_RUNTIME.staging.$$"
  rm -rf "$staging"
  mkdir -p "$INSTALL_LOGS"
  java -jar "$PAYARA_MICRO_JAR" --rootdir "$staging" --outputlauncher > "$INSTALL_LOGS/payara-micro-runtime.log" 2>&1 \
    && [ -f "$staging/launch-micro.jar" ] \
    || { rm -rf "$staging"; die "Could not unpack Payara Micro (see $INSTALL_LOGS/payara-micro-runtime.log)"; }
  mv "$staging/config" "$staging/config.pristine"
  rm -rf "$PAYARA_MICRO_RUNTIME"
  mv -T "$staging" "$PAYARA_MICRO_RUNTIME" 2>/dev/null || rm -rf "$staging"   # another node made it first
}

# install_activemq_client_rar: the ActiveMQ resource adapter as a client of a remote broker uses
# it: ra.xml unchanged, and the jars its classes load (the adapter, the OpenWire client and its
# legacy wire formats, the pooled factories ra.xml names, BrokerService, the type of one of the
# adapter's fields, and the Log4j 2 logging the adapter's records go through), without the
# embedded broker's stores, transports, Spring and Jackson, which a node never starts. A third
# less to unpack and scan at each deployment. Idempotent, no network.
ACTIVEMQ_CLIENT_RAR_ENTRIES=(META-INF/MANIFEST.MF META-INF/ra.xml META-INF/LICENSE META-INF/NOTICE
  "activemq-ra-$ACTIVEMQ_RAR_VERSION.jar" "activemq-client-$ACTIVEMQ_RAR_VERSION.jar"
  "activemq-openwire-legacy-$ACTIVEMQ_RAR_VERSION.jar" "activemq-broker-$ACTIVEMQ_RAR_VERSION.jar"
  "activemq-pool-$ACTIVEMQ_RAR_VERSION.jar" "activemq-jms-pool-$ACTIVEMQ_RAR_VERSION.jar"
  'commons-pool2-*.jar' 'hawtbuf-*.jar' 'slf4j-api-*.jar' 'log4j-api-*.jar' 'log4j-core-*.jar'
  'log4j-slf4j2-impl-*.jar' log4j2.properties 'jakarta.annotation-api-*.jar')
install_activemq_client_rar() {
  [ -f "$ACTIVEMQ_CLIENT_RAR" ] && [ ! "$ACTIVEMQ_RAR" -nt "$ACTIVEMQ_CLIENT_RAR" ] && return 0
  [ -f "$ACTIVEMQ_RAR" ] || return 1
  local staging="$MERIDIAN_WORK/activemq-rar-client.staging.$$"
  rm -rf "$staging"; mkdir -p "$staging/x" "$(dirname "$ACTIVEMQ_CLIENT_RAR")"
  (cd "$staging/x" && unzip -q "$ACTIVEMQ_RAR" "${ACTIVEMQ_CLIENT_RAR_ENTRIES[@]}" \
    && jar --create --no-manifest --file ../client.rar .) \
    || { rm -rf "$staging"; die "Could not make the client resource adapter from $ACTIVEMQ_RAR"; }
  mv -f "$staging/client.rar" "$ACTIVEMQ_CLIENT_RAR"
  rm -rf "$staging"
}

install_artemis() {
  [ -x "$ARTEMIS_HOME/bin/artemis" ] && return 0
  maven_fetch "org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" "$MERIDIAN_WORK/download"
  rm -rf "$MERIDIAN_WORK/download/artemis" "$ARTEMIS_HOME"
  mkdir -p "$MERIDIAN_WORK/download/artemis"
  tar xzf "$MERIDIAN_WORK/download/apache-artemis-bin.tar.gz" -C "$MERIDIAN_WORK/download/artemis"
  mv "$MERIDIAN_WORK/download/artemis/apache-artemis-$ARTEMIS_VERSION" "$ARTEMIS_HOME"
  [ -x "$ARTEMIS_HOME/bin/artemis" ] || die "Artemis was not unpacked to $ARTEMIS_HOME"
}

install_jar() { # COORDS TARGET
  [ -f "$2" ] && return 0
  local name
  name=$(echo "$1" | cut -d: -f2)
  maven_fetch "$1" "$MERIDIAN_WORK/download"
  mkdir -p "$(dirname "$2")"
  mv "$MERIDIAN_WORK/download/$name.jar" "$2"
}

install_wan_delay() {
  local src="$MERIDIAN_ROOT/scripts/wan/wan_delay.c"
  if [ ! -x "$WAN_DELAY_BIN" ] || [ "$src" -nt "$WAN_DELAY_BIN" ]; then
    mkdir -p "$(dirname "$WAN_DELAY_BIN")"
    run_logged "$INSTALL_LOGS/gcc-wan-delay.log" gcc -O2 -Wall -o "$WAN_DELAY_BIN" "$src" -lnetfilter_queue
  fi
}

# install_all [browser] [bench]: everything, idempotent (a second run downloads nothing).
install_all() {
  refuse_in_netns "scripts/install.sh"
  local extra=() what
  for what in "$@"; do
    case "$what" in
      browser) extra+=("${APT_BROWSER[@]}") ;;
      bench) extra+=("${APT_BENCH[@]}") ;;
      *) die "install_all: unknown extra '$what'" ;;
    esac
  done
  install_java_maven
  apt_install "${APT_BASE[@]}" "${extra[@]}"
  install_payara_server
  install_payara_micro
  install_activemq_rar
  install_payara_micro_runtime
  install_activemq_client_rar
  install_artemis
  install_jar "org.postgresql:postgresql:$POSTGRESQL_DRIVER_VERSION" "$POSTGRESQL_DRIVER_JAR"
  install_jar "jakarta.platform:jakarta.jakartaee-api:$JAKARTAEE_API_VERSION" "$JAKARTAEE_API_JAR"
  install_wan_delay
  rm -rf "$MERIDIAN_WORK/download"
}

# require_installed THING...: stops with a clear message unless each THING is installed. THINGs:
# java payara-server payara-micro activemq-rar artemis postgresql-driver postgresql nginx wan.
require_installed() {
  local thing missing=()
  for thing in "$@"; do
    case "$thing" in
      java) require_java ;;
      payara-server) [ -x "$ASADMIN" ] || missing+=("Payara Server ($PAYARA_HOME)") ;;
      payara-micro) [ -f "$PAYARA_MICRO_JAR" ] || missing+=("Payara Micro ($PAYARA_MICRO_JAR)") ;;
      activemq-rar) [ -f "$ACTIVEMQ_RAR" ] || missing+=("the ActiveMQ resource adapter ($ACTIVEMQ_RAR)") ;;
      artemis) [ -x "$ARTEMIS_HOME/bin/artemis" ] || missing+=("ActiveMQ Artemis ($ARTEMIS_HOME)") ;;
      postgresql-driver) [ -f "$POSTGRESQL_DRIVER_JAR" ] || missing+=("the PostgreSQL driver ($POSTGRESQL_DRIVER_JAR)") ;;
      postgresql) [ -d /usr/lib/postgresql ] || missing+=("PostgreSQL (apt package postgresql)") ;;
      nginx) command -v nginx >/dev/null 2>&1 || missing+=("nginx (apt package nginx-light)") ;;
      wan)
        [ -x "$WAN_DELAY_BIN" ] || missing+=("the WAN delay helper ($WAN_DELAY_BIN)")
        command -v nft >/dev/null 2>&1 || missing+=("nftables")
        command -v iptables >/dev/null 2>&1 || missing+=("iptables") ;;
      *) die "require_installed: unknown '$thing'" ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  die "Not installed: $(printf '%s; ' "${missing[@]}")run scripts/install.sh first (in the host network namespace: it downloads)"
}
