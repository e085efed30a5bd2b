#!/usr/bin/env bash
# Cold start of a gateway node, per boot technique: start → /health/ready UP with the check
# meridian-gateway-readiness and the public port answering (what scripts/gateway-node.sh waits
# for), and Payara Micro's own "ready in". Against a real PostgreSQL database (the control-plane
# schema from ejb-module's Flyway migrations, applied in order) and an Artemis broker of its own.
#
#   flock -o /tmp/meridian-topology.lock bash bench/boot.sh [VARIANT...]
#
# BOOT_RUNS rounds (default 3), each starting every variant once. Writes bench/results/boot.txt. Variants compare only
# within one sitting: the numbers depend on the machine's load, printed beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

RUNS="${BOOT_RUNS:-3}"
B="$MERIDIAN_WORK/bench/boot"
DB=meridian_boot; BROKER_PORT=23616; PORT=23280; ADMIN=24280; NAME=boot-gw
VARIANTS=("$@")
[ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=(floor floor+cds before rar scan launcher lean after after+serialgc after+cds)

# What each variant sets: "before" is gateway-node.sh as it was (runtime unpacked at each start,
# the full resource adapter, every WEB-INF/lib jar scanned, OpenAPI on); each next one changes
# one thing; "after" all of them together; "after+cds" adds the class-data archive of the node's
# first start (gateway-node.sh's default since it was measured).
variant_env() {
  local v="$1" runtime=jar rar=full war=plain lean=0 opts="" cds=0
  case "$v" in
    before) ;;
    rar) rar=client ;;
    scan) war=scan ;;
    launcher) runtime=launcher ;;
    lean) lean=1 ;;
    after) runtime=launcher rar=client war=scan lean=1 ;;
    after+serialgc) runtime=launcher rar=client war=scan lean=1 opts="-Xms512m -Xmx512m -XX:+UseSerialGC" ;;
    after+cds) runtime=launcher rar=client war=scan lean=1 cds=1 ;;
    *) die "unknown variant $v" ;;
  esac
  echo "MERIDIAN_GATEWAY_RUNTIME=$runtime MERIDIAN_GATEWAY_RAR=$rar MERIDIAN_GATEWAY_LEAN=$lean MERIDIAN_GATEWAY_CDS=$cds WAR=$B/gateway-$war.war${opts:+ MERIDIAN_GATEWAY_JAVA_OPTS=$opts}"
}

setup() {
  mkdir -p "$B/artifacts" bench/results
  ensure_postgres >/dev/null
  ensure_database "$DB" fresh
  local f
  for f in $(ls ejb-module/src/main/resources/db/migration/V*.sql | sort -V); do
    PGPASSWORD="$PG_PASSWORD" psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" \
      -v ON_ERROR_STOP=1 -f "$f" >/dev/null
  done
  scripts/broker.sh start --dir "$B/broker" --port "$BROKER_PORT"
  # The WAR as built (with WEB-INF/glassfish-web.xml's scanning exclusions) and without them.
  local war="${BOOT_WAR:-gateway-war/target/gateway.war}"
  cp "$war" "$B/gateway-scan.war"
  cp "$war" "$B/gateway-plain.war"
  zip -q -d "$B/gateway-plain.war" WEB-INF/glassfish-web.xml >/dev/null 2>&1 || true
  # The floor: Payara Micro itself with a WAR holding one page.
  rm -rf "$B/empty" && mkdir -p "$B/empty" && echo ok > "$B/empty/index.html"
  (cd "$B/empty" && jar --create --no-manifest --file "$B/empty.war" index.html)
}

now() { date +%s.%N; }
# Payara's "ready in" line can follow the node's own readiness by a moment: wait for it.
ready_in() {
  local _
  for _ in $(seq 1 100); do grep -aq 'ready in [0-9,]*' "$1" 2>/dev/null && break; sleep 0.1; done
  { grep -ao 'ready in [0-9,]*' "$1" || echo 'ready in 0'; } | tail -1 | tr -dc 0-9 | awk '{ printf "%.1f", $1 / 1000 }'
}

# await_page: until a floor's one page answers (at most a minute).
await_page() {
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$ADMIN/empty/" || true)" = 200 ] && return 0
    sleep 0.1
  done
}

# one_floor: a bare Payara Micro (no cluster, no adapter) with the one-page WAR, to its page.
one_floor() {
  local root="$B/floor-root" t0 t1 pid
  rm -rf "$root"
  t0=$(now)
  java -Xms512m -Xmx512m -XX:+UseParallelGC -jar "$PAYARA_MICRO_JAR" --nocluster --rootdir "$root" \
    --port "$ADMIN" --deploy "$B/empty.war" > "$B/floor.log" 2>&1 &
  pid=$!
  await_page
  t1=$(now)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') $(ready_in "$B/floor.log")"
}

# one_floor_cds [train]: the floor with the node's own boot techniques: the runtime unpacked once
# and hard-linked (the launcher), and a class-data archive of a first start. "train" makes the
# archive (a start recorded, dumped once its page answers) and prints nothing.
one_floor_cds() {
  local root="$B/floorcds-root" archive="$B/floor-cds.jsa" t0 t1 pid cds
  install_payara_micro_runtime
  rm -rf "$root" && mkdir -p "$root"
  cp -al "$PAYARA_MICRO_RUNTIME"/{runtime,lib,META-INF,launch-micro.jar} "$root/"
  cp -rp "$PAYARA_MICRO_RUNTIME/config.pristine" "$root/config"
  if [ "${1:-}" = train ]; then rm -f "$archive"; cds=(-XX:+RecordDynamicDumpInfo); else cds=(-XX:SharedArchiveFile="$archive"); fi
  t0=$(now)
  java -Xms512m -Xmx512m -XX:+UseParallelGC "${cds[@]}" -Xlog:cds*=off -jar "$root/launch-micro.jar" \
    --nocluster --disablephonehome --port "$ADMIN" --deploy "$B/empty.war" > "$B/floor-cds.log" 2>&1 &
  pid=$!
  await_page
  t1=$(now)
  [ "${1:-}" = train ] && jcmd "$pid" VM.cds dynamic_dump "$archive" > "$B/floor-cds-dump.log" 2>&1
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ "${1:-}" = train ] && return 0
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') $(ready_in "$B/floor-cds.log")"
}

one_node() {
  local env="$1" t0 t1 war opts vars
  war=$(echo "$env" | sed -n 's/.*WAR=\([^ ]*\).*/\1/p')
  opts=$(echo "$env" | sed -n 's/.*MERIDIAN_GATEWAY_JAVA_OPTS=//p')
  read -r -a vars <<< "$(echo "$env" | sed 's/ *WAR=[^ ]*//; s/ *MERIDIAN_GATEWAY_JAVA_OPTS=.*//')"
  [ -n "$opts" ] && vars+=("MERIDIAN_GATEWAY_JAVA_OPTS=$opts")
  t0=$(now)
  env "${vars[@]}" scripts/gateway-node.sh start --name "$NAME" --port "$PORT" --admin-port "$ADMIN" \
    --db "$DB" --broker "tcp://127.0.0.1:$BROKER_PORT" --artifacts "$B/artifacts" --war "$war" >/dev/null 2>&1 \
    || { echo "FAILED 0"; return 0; }
  t1=$(now)
  local health; health=$(curl -s "http://127.0.0.1:$ADMIN/health/ready" || true)
  if ! grep -q '"meridian-gateway-readiness","status":"UP"' <<< "$health"; then
    # Kept for a look: what the check said, and the node's log.
    printf '%s\n' "$health" > "$B/not-ready-$(date +%s).health"
    cp "$MERIDIAN_WORK/gateways/$NAME/server.log" "$B/not-ready-$(date +%s).log" 2>/dev/null || true
    scripts/gateway-node.sh stop --name "$NAME"; echo "NOT-READY 0"; return 0
  fi
  local r; r=$(ready_in "$MERIDIAN_WORK/gateways/$NAME/server.log")
  scripts/gateway-node.sh stop --name "$NAME"
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') $r"
}

stats() { # values... → "min X median Y"
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "min %5.1f  median %5.1f", v[1], m }'
}

setup
out=()
out+=("# Gateway cold start ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $RUNS runs per variant, one sitting)")
out+=("# load average before: $(cut -d' ' -f1-3 /proc/loadavg)")
# after+cds maps the node's class-data archive, which its first start writes: that start first,
# reported on its own (it includes the dump).
if [[ " ${VARIANTS[*]} " == *" after+cds "* ]]; then
  rm -f "$MERIDIAN_WORK/gateway-cds/$NAME"-*.jsa
  r=$(one_node "$(variant_env after+cds)")
  out+=("# after+cds training start (no archive yet; writes it once ready): start→ready ${r% *} s")
  echo "training start after+cds: $r" >&2
fi
if [[ " ${VARIANTS[*]} " == *" floor+cds "* ]]; then
  one_floor_cds train
  out+=("# floor+cds: the floor with the node's launcher (runtime unpacked once) and a class-data archive of a first start ($(du -h "$B/floor-cds.jsa" 2>/dev/null | cut -f1))")
fi
out+=("# start → ready: gateway-node.sh start until /health/ready has meridian-gateway-readiness UP and the public port answers (s)")
out+=("# ready in: Payara Micro's own figure, JVM start → its deployments done (s)")
# Rounds: every variant once per round, so that a change in the machine's load during the
# sitting falls on all of them alike.
declare -A walls readys raws
for round in $(seq 1 "$RUNS"); do
  for v in "${VARIANTS[@]}"; do
    case "$v" in
      floor) r=$(one_floor) ;;
      floor+cds) r=$(one_floor_cds) ;;
      *) r=$(one_node "$(variant_env "$v")") ;;
    esac
    raws[$v]+=" $r"
    echo "round $round $v: $r (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    [[ "$r" == *FAILED* || "$r" == *NOT* ]] && continue
    walls[$v]+=" ${r% *}"; readys[$v]+=" ${r#* }"
  done
done
for v in "${VARIANTS[@]}"; do
  if [ -n "${walls[$v]:-}" ]; then
    # shellcheck disable=SC2086
    line=$(printf '%-15s start→ready %s | ready in %s | runs (start→ready, ready in):%s' "$v" \
      "$(stats ${walls[$v]})" "$(stats ${readys[$v]})" "${raws[$v]}")
  else
    line=$(printf '%-15s FAILED:%s' "$v" "${raws[$v]:-}")
  fi
  out+=("$line")
done
out+=("# load average after: $(cut -d' ' -f1-3 /proc/loadavg)")
scripts/broker.sh stop --dir "$B/broker"
printf '%s\n' "${out[@]}" | tee bench/results/boot.txt
