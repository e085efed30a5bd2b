#!/usr/bin/env bash
# Meridian gateway benchmark. One command, one machine, one sitting; ratios, not absolute numbers:
#   (a) the backend directly, (b) nginx proxy_pass to it, (c) Meridian's gateway on Payara Micro
#   (event loop, every filter: JWT, revocation, subscription, scope; access log on), and two floors
#   on the same Payara Micro: (d) a bare servlet that only writes 1 KiB (the platform's blocking
#   floor) and (e) a bare event-loop proxy in a WAR (Vert.x server + client, nothing else: the
#   design's floor); and (f) the gateway again on an API throttled at every level by a limit never
#   reached (the cost of throttling). 1 KiB responses, 100 connections, wrk. The server under test is pinned to
#   CPU 0; the backend and the load generator share CPU 1. Then: the added p99 of (b), (e), (d) and (c) over (a) at a
#   fixed 1,000 req/s; 10,000 keep-alive connections held open through (c) (heap, RSS); 1 GiB
#   streamed through (c) each way (peak heap); a perf CPU profile of (c) by component. Results:
#   bench/results/latest.txt and BENCHMARKS.md.
#
# This machine's speed drifts by tens of percent within a minute (a shared host), so the targets
# are measured in BENCH_ROUNDS interleaved rounds (each round runs a, b, e, d and c, starting one
# further along each time) and each ratio is the median of its per-round ratios; every round's
# numbers are kept.
#
#   bench/run.sh   (BENCH_SECONDS=8 per measured run, BENCH_ROUNDS=5, BENCH_WARMUP=60 per JVM)
source "$(dirname "$0")/../scripts/lib/postgres.sh"

SECONDS_PER_RUN="${BENCH_SECONDS:-8}"
ROUNDS="${BENCH_ROUNDS:-5}"
WARMUP="${BENCH_WARMUP:-60}"
BARE_PORT=18290
BARE_EL_PORT=18292
BASE=22000
BACKEND_PORT=18081
NGINX_PORT=18082
GATEWAY_PORT=18280
OUT="$MERIDIAN_ROOT/bench/results"
WORK="$MERIDIAN_WORK/bench"
mkdir -p "$OUT" "$WORK"
export MERIDIAN_ADMIN_PASSWORD=bench-admin
export MERIDIAN_EXTRA_CONFIG="meridian.keymanager.access-token.ttl-seconds=86400"
# One datacenter: a stand-alone broker and a directory artifact server.
export MERIDIAN_BROKER_URL="tcp://127.0.0.1:22616"
export MERIDIAN_ARTIFACTS_LOCATION="$MERIDIAN_WORK/bench/artifacts"

install_all bench
[ "$(nproc)" -ge 2 ] || die "The benchmark needs two CPUs (one for the proxy, one for load and backend)"
# 10,000 client connections through one gateway: wrk and the gateway each need a descriptor apiece.
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -ge 12000 ] || die "The benchmark needs at least 12000 open files (ulimit -Hn is $(ulimit -Hn))"

cleanup() {
  [ -f "$WORK/nginx-backend.pid" ] && kill "$(cat "$WORK/nginx-backend.pid")" 2>/dev/null || true
  [ -f "$WORK/nginx-proxy.pid" ] && kill "$(cat "$WORK/nginx-proxy.pid")" 2>/dev/null || true
  for n in bench-gw bench-bare bench-bare-el; do
    bash "$MERIDIAN_ROOT/scripts/gateway-node.sh" stop --name $n >/dev/null 2>&1 || true
  done
  bash "$MERIDIAN_ROOT/scripts/master-domain.sh" stop --name meridian-bench >/dev/null 2>&1 || true
  bash "$MERIDIAN_ROOT/scripts/broker.sh" stop --dir "$MERIDIAN_WORK/bench/broker" >/dev/null 2>&1 || true
}
trap cleanup EXIT

cd "$MERIDIAN_ROOT"
log "Building (log: .work/logs/build.log)"
run_logged "$MERIDIAN_WORK/logs/build.log" mvn_cmd install -DskipTests

# Backend: nginx serving a 1 KiB JSON body, a 1 GiB file, and a WebDAV upload directory; proxy:
# nginx proxy_pass with upstream keep-alive.
head -c 1024 /dev/zero | tr '\0' 'x' | sed 's/^/{"pad":"/; s/.\{11\}$/"}/' > "$WORK/order.json"
rm -rf "$WORK/big" "$WORK/upload" && mkdir -p "$WORK/big" "$WORK/upload" "$WORK/tmp"
head -c $((1 << 30)) /dev/urandom > "$WORK/big/gigabyte"
cat > "$WORK/nginx-backend.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx-backend.pid;
error_log $WORK/nginx-backend.error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/tmp;
  server {
    listen 127.0.0.1:$BACKEND_PORT;
    location /orders/ { default_type application/json; alias $WORK/; try_files /order.json =404; }
    location /files/ { alias $WORK/big/; }
    location /uploads/ { alias $WORK/upload/; dav_methods PUT; client_max_body_size 0; }
  }
}
NGINX
cat > "$WORK/nginx-proxy.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx-proxy.pid;
error_log $WORK/nginx-proxy.error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 128; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
# nginx's workers run as root here (user directive absent, master started by root: "nobody");
# the benchmark's files live in .work, so let them in.
chmod -R a+rX "$WORK" && chmod a+rwx "$WORK/upload" "$WORK/tmp"
taskset -c 1 nginx -c "$WORK/nginx-backend.conf"
taskset -c 0 nginx -c "$WORK/nginx-proxy.conf"

# The floors: (d) the bare servlet, (e) the bare event-loop proxy, compiled against the Jakarta EE
# API and the gateway WAR's own Vert.x and Netty.
gw_lib="$MERIDIAN_ROOT/gateway-war/target/gateway/WEB-INF/lib"
rm -rf "$WORK/bare" "$WORK/bare-el" && mkdir -p "$WORK/bare/WEB-INF/classes" "$WORK/bare-el/WEB-INF/classes" "$WORK/bare-el/WEB-INF/lib"
javac -cp "$JAKARTAEE_API_JAR" -d "$WORK/bare/WEB-INF/classes" "$MERIDIAN_ROOT/bench/bare/BareServlet.java"
(cd "$WORK/bare" && jar cf "$WORK/bare.war" WEB-INF)
cp "$gw_lib"/vertx-*.jar "$gw_lib"/netty-*.jar "$gw_lib"/jackson-core-*.jar "$WORK/bare-el/WEB-INF/lib/"
javac -cp "$JAKARTAEE_API_JAR:$(echo "$WORK"/bare-el/WEB-INF/lib/*.jar | tr ' ' ':')" \
  -d "$WORK/bare-el/WEB-INF/classes" "$MERIDIAN_ROOT"/bench/bare-eventloop/*.java
(cd "$WORK/bare-el" && jar cf "$WORK/bare-el.war" WEB-INF)
JVM_OPTS="-Xms1g -Xmx1g -XX:+UseParallelGC"

# Control plane and gateway (a 2 GiB body limit, for the streaming runs).
rm -rf "$MERIDIAN_ARTIFACTS_LOCATION"
bash scripts/broker.sh start --dir "$MERIDIAN_WORK/bench/broker" --port 22616
bash scripts/master-domain.sh start --name meridian-bench --portbase $BASE --db meridian_bench --fresh
MERIDIAN_GATEWAY_JAVA_OPTS="$JVM_OPTS" MERIDIAN_GATEWAY_PROPERTIES="meridian.gateway.limits.max-body-bytes=2147483648" \
  bash scripts/gateway-node.sh start --name bench-gw --port $GATEWAY_PORT --db meridian_bench --cpus 0 \
  --artifacts "$MERIDIAN_ARTIFACTS_LOCATION" --fresh-cache

H="http://127.0.0.1:$(( BASE + 80 ))"
J='Content-Type: application/json'
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
# curl with credentials in a config read from standard input, never on its command line (ps).
curl_as() { local credentials="$1"; shift; printf 'user = "%s"\n' "$credentials" | curl -K - "$@"; }
api=$(curl_as "admin:$MERIDIAN_ADMIN_PASSWORD" -sf -H "$J" "$H/publisher/api/v1/apis" -d "{\"name\":\"Bench\",\"context\":\"/bench\",\"version\":\"1.0\",
  \"operations\":[{\"method\":\"GET\",\"uriTemplate\":\"/orders/{id}\",\"scopes\":[\"orders:read\"],\"tier\":\"Unlimited\"},
                  {\"method\":\"GET\",\"uriTemplate\":\"/files/*\",\"tier\":\"Unlimited\"},
                  {\"method\":\"PUT\",\"uriTemplate\":\"/uploads/*\",\"tier\":\"Unlimited\"}],
  \"endpoints\":{\"production\":{\"url\":\"http://127.0.0.1:$BACKEND_PORT\",\"timeoutMillis\":60000}}}" | json '["id"]')
curl_as "admin:$MERIDIAN_ADMIN_PASSWORD" -sf -H "$J" "$H/publisher/api/v1/apis/$api/lifecycle" -d '{"state":"PUBLISHED"}' >/dev/null
# (f): the same API throttled at every level by a policy whose limit is never reached.
curl_as "admin:$MERIDIAN_ADMIN_PASSWORD" -sf -H "$J" "$H/publisher/api/v1/tiers" \
  -d '{"name":"BenchHigh","requestCount":1000000000,"unitSeconds":60,"description":"never reached"}' >/dev/null
api_t=$(curl_as "admin:$MERIDIAN_ADMIN_PASSWORD" -sf -H "$J" "$H/publisher/api/v1/apis" -d "{\"name\":\"BenchThrottled\",\"context\":\"/bench-thr\",\"version\":\"1.0\",\"tier\":\"BenchHigh\",
  \"operations\":[{\"method\":\"GET\",\"uriTemplate\":\"/orders/{id}\",\"scopes\":[\"orders:read\"],\"tier\":\"BenchHigh\"}],
  \"endpoints\":{\"production\":{\"url\":\"http://127.0.0.1:$BACKEND_PORT\",\"timeoutMillis\":60000}}}" | json '["id"]')
curl_as "admin:$MERIDIAN_ADMIN_PASSWORD" -sf -H "$J" "$H/publisher/api/v1/apis/$api_t/lifecycle" -d '{"state":"PUBLISHED"}' >/dev/null
curl -sf -H "$J" "$H/store/api/v1/signup" -d '{"username":"bench","password":"bench-password"}' >/dev/null
app=$(curl_as bench:bench-password -sf -H "$J" "$H/store/api/v1/applications" -d '{"name":"bench"}' | json '["id"]')
curl_as bench:bench-password -sf -H "$J" "$H/store/api/v1/applications/$app/subscriptions" -d "{\"apiId\":\"$api\",\"tier\":\"Unlimited\"}" >/dev/null
curl_as bench:bench-password -sf -H "$J" "$H/store/api/v1/applications/$app/subscriptions" -d "{\"apiId\":\"$api_t\",\"tier\":\"BenchHigh\"}" >/dev/null
keys=$(curl_as bench:bench-password -sf -X POST "$H/store/api/v1/applications/$app/keys")
ck=$(echo "$keys" | json '["consumerKey"]'); cs=$(echo "$keys" | json '["consumerSecret"]')
token=$(curl_as "$ck:$cs" -sf -d grant_type=client_credentials -d scope=orders:read "$H/store/oauth2/token" | json '["access_token"]')
AUTH="Authorization: Bearer $token"

A="http://127.0.0.1:$BACKEND_PORT/orders/1"
B="http://127.0.0.1:$NGINX_PORT/orders/1"
C="http://127.0.0.1:$GATEWAY_PORT/bench/1.0/orders/1"
F="http://127.0.0.1:$GATEWAY_PORT/bench-thr/1.0/orders/1"
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$C")" = 200 ] && break; sleep 0.2
done
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$C")" = 200 ] || die "The gateway does not serve the benchmark API"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$C")" = 401 ] || die "The gateway served without a token"
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$F")" = 200 ] && break; sleep 0.2
done
curl -s -D - -o /dev/null -H "$AUTH" "$F" | grep -qi '^RateLimit-Limit' || die "The throttled API answers without RateLimit headers"
size=$(curl -s -H "$AUTH" "$C" | wc -c)

# CPU time (clock ticks, user + system, all threads) a process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# wrk_run NAME PID URL [wrk options]: one measured run, appended to $WORK/wrk-NAME.txt; prints
# "req/s cpu-microseconds-per-request" (the latter from PID's CPU time: a measure of the server's
# own cost that the machine's drifting speed disturbs far less than throughput; "-" without PID).
wrk_run() {
  local name="$1" pid="$2" url="$3" before after requests
  shift 3
  [ "$pid" = - ] || before=$(cpu_ticks "$pid")
  taskset -c 1 wrk -t1 -c100 -d"${SECONDS_PER_RUN}s" --latency "$@" "$url" > "$WORK/wrk-run.txt"
  [ "$pid" = - ] || after=$(cpu_ticks "$pid")
  grep -q "Non-2xx" "$WORK/wrk-run.txt" && die "run $name had non-2xx responses: $(cat "$WORK/wrk-run.txt")"
  cat "$WORK/wrk-run.txt" >> "$WORK/wrk-$name.txt"
  requests=$(awk '/requests in/ {print $1}' "$WORK/wrk-run.txt")
  echo "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-run.txt") $([ "$pid" = - ] && echo - || python3 -c "print(round(($after - $before) * 1e6 / $(getconf CLK_TCK) / $requests, 1))")"
}
warm() { log "Warming $1 up (JIT) for ${WARMUP}s"; taskset -c 1 wrk -t1 -c100 -d"${WARMUP}s" "${@:2}" >/dev/null; }

# All three JVMs stay up, pinned to CPU 0; the ones not under load sit idle.
MERIDIAN_GATEWAY_THREADS=256 MERIDIAN_GATEWAY_MIN_THREADS=8 MERIDIAN_GATEWAY_JAVA_OPTS="$JVM_OPTS" \
  bash scripts/gateway-node.sh start --name bench-bare --admin-port $BARE_PORT --port $((BARE_PORT + 1)) \
  --admin-only --bench-floor --db meridian_bench --cpus 0 --war "$WORK/bare.war" --artifacts "$MERIDIAN_ARTIFACTS_LOCATION"
MERIDIAN_GATEWAY_JAVA_OPTS="$JVM_OPTS -Dbench.port=$BARE_EL_PORT -Dbench.backend.port=$BACKEND_PORT" \
  bash scripts/gateway-node.sh start --name bench-bare-el --admin-port $((BARE_EL_PORT + 1)) --port $BARE_EL_PORT \
  --bench-floor --db meridian_bench --cpus 0 --war "$WORK/bare-el.war" --artifacts "$MERIDIAN_ARTIFACTS_LOCATION"
D="http://127.0.0.1:$BARE_PORT/orders/1"
E="http://127.0.0.1:$BARE_EL_PORT/orders/1"
warm "the bare servlet" "$D"
warm "the bare event-loop proxy" "$E"
warm "the gateway" -H "$AUTH" "$C"
warm "the gateway's throttled API" -H "$AUTH" "$F"

rm -f "$WORK"/wrk-[abcdef].txt "$WORK/rounds.txt"
declare -A got
targets=(a b e d c f)
pid_b=$(pgrep -P "$(cat "$WORK/nginx-proxy.pid")" | head -1)
pid_c=$(cat "$MERIDIAN_WORK/gateways/bench-gw/pid")
pid_d=$(cat "$MERIDIAN_WORK/gateways/bench-bare/pid")
pid_e=$(cat "$MERIDIAN_WORK/gateways/bench-bare-el/pid")
for r in $(seq 1 "$ROUNDS"); do
  log "Round $r of $ROUNDS"
  for i in 0 1 2 3 4 5; do
    t=${targets[$(( (i + r - 1) % 6 ))]}
    case $t in
      a) got[a]=$(wrk_run a - "$A") ;;
      b) got[b]=$(wrk_run b "$pid_b" "$B") ;;
      e) got[e]=$(wrk_run e "$pid_e" "$E") ;;
      d) got[d]=$(wrk_run d "$pid_d" "$D") ;;
      c) got[c]=$(wrk_run c "$pid_c" "$C" -H "$AUTH") ;;
      f) got[f]=$(wrk_run f "$pid_c" "$F" -H "$AUTH") ;;
    esac
  done
  line="round=$r"
  for t in a b e d c f; do
    read -r rps cpu <<< "${got[$t]}"
    line+=" $t=$rps"
    [ "$cpu" = - ] || line+=" ${t}_cpu_us=$cpu"
  done
  echo "$line" | tee -a "$WORK/rounds.txt" >&2
done
# Added latency at a fixed rate, with the floors of the tail beside the gateway: nginx proxy_pass
# (b), the bare event-loop proxy (e) and the bare servlet (d, Payara Micro answering by itself) add
# their own p99 over the backend on this host too.
log "Fixed rate 1,000 req/s, $ROUNDS rounds: backend directly, nginx proxy_pass, the two floors, the gateway"
hey_p99() { awk '$1 == "99%" {print $3; exit}' "$1"; }
hey_codes() { awk '/Status code distribution/ {f=1; next} f && NF {print $1 "x" $2}' "$1" | tr -d '\n'; }
: > "$WORK/hey-rounds.txt"
for r in $(seq 1 "$ROUNDS"); do
  line="round=$r"
  for t in a b e d c; do
    case $t in
      a) url=$A auth=() ;;
      b) url=$B auth=() ;;
      e) url=$E auth=() ;;
      d) url=$D auth=() ;;
      c) url=$C auth=(-H "$AUTH") ;;
    esac
    taskset -c 1 hey -z "${SECONDS_PER_RUN}s" -c 10 -q 100 "${auth[@]}" "$url" > "$WORK/hey-$t.txt"
    line+=" ${t}_p99_s=$(hey_p99 "$WORK/hey-$t.txt") ${t}_codes=$(hey_codes "$WORK/hey-$t.txt")"
  done
  echo "$line" | tee -a "$WORK/hey-rounds.txt" >&2
done
bash scripts/gateway-node.sh stop --name bench-bare
bash scripts/gateway-node.sh stop --name bench-bare-el
gw_pid=$(cat "$MERIDIAN_WORK/gateways/bench-gw/pid")

log "CPU profile of the gateway under load (perf, JIT frames named by Compiler.perfmap)"
: > "$WORK/breakdown.txt"
if perf stat -e task-clock true >/dev/null 2>&1; then
  taskset -c 1 wrk -t1 -c100 -d"${SECONDS_PER_RUN}s" -H "$AUTH" "$C" >/dev/null &
  load=$!
  sleep 2
  timeout 8 perf record -F 999 -p "$gw_pid" -o "$WORK/perf.data" >/dev/null 2>&1 || true
  jcmd "$gw_pid" Compiler.perfmap >/dev/null
  wait "$load"
  perf report -i "$WORK/perf.data" --no-children --sort dso,sym -g none 2>/dev/null \
    | python3 "$MERIDIAN_ROOT/bench/cpu_breakdown.py" > "$WORK/breakdown.txt"
  { echo; echo "by thread:"; perf report -i "$WORK/perf.data" --no-children --sort comm -g none 2>/dev/null \
    | awk '/^ +[0-9.]+%/ && n++ < 5'; } >> "$WORK/breakdown.txt"
else
  echo "perf is not supported on this machine" > "$WORK/breakdown.txt"
fi


# Heap in use (KiB, all generations) and resident set of the gateway's JVM.
heap_kib() { jstat -gc "$gw_pid" | awk 'NR == 2 {printf "%d", $3 + $4 + $6 + $8}'; }
rss_kib() { ps -o rss= -p "$gw_pid" | tr -d ' '; }
old_kib() { jstat -gc "$gw_pid" | awk 'NR == 2 {printf "%d", $8}'; }
# sample_peak CMD...: runs CMD (its output to $WORK/sample.out) while sampling the gateway's heap
# every 200 ms; prints the peaks "all-generations old-generation" (young garbage comes and goes;
# anything the gateway held on to would pile up in the old generation).
sample_peak() {
  "$@" > "$WORK/sample.out" &
  local job=$! peak=0 peak_old=0 h o
  while kill -0 "$job" 2>/dev/null; do
    h=$(heap_kib); [ "$h" -gt "$peak" ] && peak=$h
    o=$(old_kib); [ "$o" -gt "$peak_old" ] && peak_old=$o
    sleep 0.2
  done
  wait "$job"
  echo "$peak $peak_old"
}

log "10,000 keep-alive connections through the gateway"
jcmd "$gw_pid" GC.run >/dev/null
heap_idle=$(heap_kib); rss_idle=$(rss_kib)
gw_access="$MERIDIAN_WORK/gateways/bench-gw/access.log"
access_before=$(wc -l < "$gw_access")
taskset -c 1 wrk -t1 -c10000 -d"${SECONDS_PER_RUN}s" --timeout 10s -H "$AUTH" "$C" > "$WORK/wrk-10k.txt" &
load=$!
sleep $(( SECONDS_PER_RUN / 2 ))
open_conns=$(ss -Htn state established "( sport = :$GATEWAY_PORT )" | wc -l)
heap_10k=$(heap_kib); rss_10k=$(rss_kib)
wait "$load"
cat "$WORK/wrk-10k.txt" >&2
rps_10k=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-10k.txt")
errors_10k=$(awk '/Socket errors/ {print $0}' "$WORK/wrk-10k.txt" | tr -s ' ' | sed 's/^ *//'); errors_10k=${errors_10k:-none}
non2xx_10k=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk-10k.txt"); non2xx_10k=${non2xx_10k:-0}
# The gateway's answers by status, from its access log (written off the loop: wait until it settles).
access_now=-1
for _ in $(seq 1 50); do
  n=$(wc -l < "$gw_access"); [ "$n" = "$access_now" ] && break; access_now=$n; sleep 0.2
done
statuses_10k=$(tail -n +"$((access_before + 1))" "$gw_access" | grep -o '"status":[0-9]*' | cut -d: -f2 | sort | uniq -c \
  | awk '{printf "%s%sx%s", sep, $2, $1; sep=" "}')

log "1 GiB streamed down and up through the gateway"
jcmd "$gw_pid" GC.run >/dev/null
old_before=$(old_kib)
peak_down=$(sample_peak curl -sf -o /dev/null -w '%{size_download}' -H "$AUTH" \
  "http://127.0.0.1:$GATEWAY_PORT/bench/1.0/files/gigabyte")
down_bytes=$(cat "$WORK/sample.out")
jcmd "$gw_pid" GC.run >/dev/null
peak_up=$(sample_peak curl -sf -o /dev/null -T "$WORK/big/gigabyte" -H "Transfer-Encoding: chunked" -H "$AUTH" \
  "http://127.0.0.1:$GATEWAY_PORT/bench/1.0/uploads/gigabyte")
up_bytes=$(stat -c %s "$WORK/upload/gigabyte")
cmp -s "$WORK/big/gigabyte" "$WORK/upload/gigabyte" && up_same=yes || up_same=no
[ "$down_bytes" = $((1 << 30)) ] || die "The download through the gateway was $down_bytes bytes"
[ "$up_same" = yes ] || die "The upload through the gateway did not arrive intact ($up_bytes bytes)"

cat > "$OUT/latest.txt" <<TXT
date=$(date -u +%FT%TZ) rounds=$ROUNDS seconds_per_run=$SECONDS_PER_RUN warmup=$WARMUP
$(cat "$WORK/rounds.txt")
$(cat "$WORK/hey-rounds.txt" | sed 's/^round=/fixed_rate_round=/')
conns_10k_open=$open_conns conns_10k_rps=$rps_10k conns_10k_non2xx=$non2xx_10k
heap_idle_kib=$heap_idle rss_idle_kib=$rss_idle heap_10k_kib=$heap_10k rss_10k_kib=$rss_10k
stream_old_before_kib=$old_before stream_down_bytes=$down_bytes stream_down_peak_heap_kib=${peak_down% *} stream_down_peak_old_kib=${peak_down#* } stream_up_bytes=$up_bytes stream_up_intact=$up_same stream_up_peak_heap_kib=${peak_up% *} stream_up_peak_old_kib=${peak_up#* }
response_bytes=$size
TXT
echo "conns_10k_socket_errors=$errors_10k" >> "$OUT/latest.txt"
echo "conns_10k_statuses=$statuses_10k" >> "$OUT/latest.txt"
cat "$OUT/latest.txt"

python3 "$MERIDIAN_ROOT/bench/report.py" "$OUT/latest.txt" "$WORK" "$MERIDIAN_ROOT/BENCHMARKS.md" "$SECONDS_PER_RUN" "$WARMUP"
log "Wrote BENCHMARKS.md"
