#!/usr/bin/env bash
# Which Netty transport the gateway's event loop should run on: the bare event-loop proxy of
# bench/run.sh (row e: Vert.x server + client in a WAR on Payara Micro, nothing else) started three
# times, on NIO (the JDK's selector, what the gateway uses), on epoll and on io_uring (Netty's
# native transports, their jars of the gateway's own Netty version fetched from Maven Central),
# against nginx proxy_pass in the same sitting. Same harness as bench/run.sh: the servers under
# test pinned to CPU 0, the backend nginx and the load generator on CPU 1, 1 KiB responses.
#   1. throughput, wrk, 100 connections, BENCH_ROUNDS interleaved rounds: req/s and CPU per request
#   2. a fixed 1,000 req/s (hey, 10 connections), the same rounds: p99 of each, and of the backend
# Results: bench/results/transport.txt (BENCHMARKS.md, "The event loop's transport", reads them).
#
#   bench/transport.sh   (BENCH_SECONDS=8, BENCH_ROUNDS=5, BENCH_WARMUP=90 per JVM: with 45 s the JVMs
#   were still warming in the first rounds)
source "$(dirname "$0")/../scripts/lib/install.sh"
SECS="${BENCH_SECONDS:-8}"
ROUNDS="${BENCH_ROUNDS:-5}"
WARMUP="${BENCH_WARMUP:-90}"
BACKEND_PORT=18081
NGINX_PORT=18082
TRANSPORTS=(nio epoll io_uring)
declare -A port=([nio]=18292 [epoll]=18294 [io_uring]=18296)
WORK="$MERIDIAN_WORK/bench-transport"
OUT="$MERIDIAN_ROOT/bench/results/transport.txt"

install_all bench
[ "$(nproc)" -ge 2 ] || die "The benchmark needs two CPUs (one for the proxy, one for load and backend)"
cd "$MERIDIAN_ROOT"
[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || run_logged "$MERIDIAN_WORK/logs/build.log" mvn_cmd install -DskipTests
rm -rf "$WORK" && mkdir -p "$WORK/tmp" "$WORK/el/WEB-INF/classes" "$WORK/el/WEB-INF/lib"

cleanup() {
  local f t
  for f in "$WORK"/nginx-*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
  for t in "${TRANSPORTS[@]}"; do
    bash "$MERIDIAN_ROOT/scripts/gateway-node.sh" stop --name "bench-transport-$t" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

head -c 1024 /dev/zero | tr '\0' 'x' | sed 's/^/{"pad":"/; s/.\{11\}$/"}/' > "$WORK/order.json"
cat > "$WORK/nginx-backend.conf" <<NGINX
worker_processes 1; pid $WORK/nginx-backend.pid; error_log $WORK/nginx-backend.error.log warn;
events { worker_connections 4096; }
http {
  access_log off; keepalive_requests 1000000; client_body_temp_path $WORK/tmp;
  server { listen 127.0.0.1:$BACKEND_PORT;
    location /orders/ { default_type application/json; alias $WORK/; try_files /order.json =404; } }
}
NGINX
cat > "$WORK/nginx-proxy.conf" <<NGINX
worker_processes 1; pid $WORK/nginx-proxy.pid; error_log $WORK/nginx-proxy.error.log warn;
events { worker_connections 4096; }
http {
  access_log off; keepalive_requests 1000000; client_body_temp_path $WORK/tmp;
  upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 128; }
  server { listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
NGINX
chmod -R a+rX "$WORK"
taskset -c 1 nginx -c "$WORK/nginx-backend.conf"
taskset -c 0 nginx -c "$WORK/nginx-proxy.conf"

# The floor WAR with the gateway's Vert.x and Netty, and Netty's native transports of that version.
gw_lib="$MERIDIAN_ROOT/gateway-war/target/gateway/WEB-INF/lib"
netty=$(basename "$(ls "$gw_lib"/netty-transport-4*.jar)" .jar); netty=${netty#netty-transport-}
cp "$gw_lib"/vertx-*.jar "$gw_lib"/netty-*.jar "$gw_lib"/jackson-core-*.jar "$WORK/el/WEB-INF/lib/"
for artifact in netty-transport-classes-epoll:$netty netty-transport-native-epoll:$netty:jar:linux-x86_64 \
                netty-transport-classes-io_uring:$netty netty-transport-native-io_uring:$netty:jar:linux-x86_64; do
  run_logged "$MERIDIAN_WORK/logs/build.log" mvn_cmd -q dependency:copy "-Dartifact=io.netty:$artifact" \
    -DoutputDirectory="$WORK/el/WEB-INF/lib"
done
javac -cp "$JAKARTAEE_API_JAR:$(echo "$WORK"/el/WEB-INF/lib/*.jar | tr ' ' ':')" \
  -d "$WORK/el/WEB-INF/classes" "$MERIDIAN_ROOT"/bench/bare-eventloop/*.java
(cd "$WORK/el" && jar cf "$WORK/el.war" WEB-INF)

declare -A pid url
pid[nginx]=$(cat "$WORK/nginx-proxy.pid")  # nginx's master; its worker is counted below
url[nginx]="http://127.0.0.1:$NGINX_PORT/orders/1"
url[backend]="http://127.0.0.1:$BACKEND_PORT/orders/1"
for t in "${TRANSPORTS[@]}"; do
  MERIDIAN_GATEWAY_JAVA_OPTS="-Xms1g -Xmx1g -XX:+UseParallelGC -Dbench.port=${port[$t]} -Dbench.backend.port=$BACKEND_PORT -Dbench.transport=$t" \
    bash scripts/gateway-node.sh start --name "bench-transport-$t" --admin-port $((port[$t] + 1)) --port "${port[$t]}" \
    --bench-floor --db meridian_bench --cpus 0 --war "$WORK/el.war" --artifacts "$WORK/artifacts"
  url[$t]="http://127.0.0.1:${port[$t]}/orders/1"
  curl -sf -o /dev/null "${url[$t]}" || die "The $t floor does not proxy (log: $MERIDIAN_WORK/gateways/bench-transport-$t)"
  pid[$t]=$(cat "$MERIDIAN_WORK/gateways/bench-transport-$t/pid")
done
pid[nginx]=$(pgrep -P "${pid[nginx]}" | head -1)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# wrk_run TARGET: "req/s cpu-microseconds-per-request" of one measured run.
wrk_run() {
  local before after requests
  before=$(cpu_ticks "${pid[$1]}")
  taskset -c 1 wrk -t1 -c100 -d"${SECS}s" "${url[$1]}" > "$WORK/wrk.txt"
  after=$(cpu_ticks "${pid[$1]}")
  requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
  echo "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt") $(python3 -c "print(round(($after - $before) * 1e6 / $(getconf CLK_TCK) / $requests, 1))")"
}
hey_p99() {
  taskset -c 1 hey -z "${SECS}s" -c 10 -q 100 "$1" > "$WORK/hey.txt"
  awk '$1 == "99%" {printf "%.1f", $3 * 1000; exit}' "$WORK/hey.txt"
}
for t in "${TRANSPORTS[@]}"; do
  log "Warming the $t floor up (JIT) for ${WARMUP}s"
  taskset -c 1 wrk -t1 -c100 -d"${WARMUP}s" "${url[$t]}" > /dev/null
done

targets=(nginx "${TRANSPORTS[@]}")
{
  echo "# Event-loop transport ($(date -u '+%Y-%m-%d %H:%M UTC')): the bare event-loop proxy on each Netty transport vs nginx proxy_pass"
  echo "# throughput: target req/s cpu_us_per_request (wrk, 100 connections, ${SECS} s; interleaved rounds)"
} > "$OUT"
for r in $(seq 1 "$ROUNDS"); do
  log "Throughput, round $r of $ROUNDS"
  line="round=$r"
  for i in $(seq 0 $(( ${#targets[@]} - 1 ))); do
    t=${targets[$(( (i + r - 1) % ${#targets[@]} ))]}
    read -r rps cpu <<< "$(wrk_run "$t")"
    line+=" $t=$rps ${t}_cpu_us=$cpu"
  done
  echo "$line" | tee -a "$OUT"
done
echo "# fixed 1,000 req/s (hey, 10 connections, ${SECS} s): p99 in ms" >> "$OUT"
for r in $(seq 1 "$ROUNDS"); do
  log "Fixed rate, round $r of $ROUNDS"
  line="fixed_rate_round=$r"
  for t in backend "${targets[@]}"; do line+=" ${t}_p99_ms=$(hey_p99 "${url[$t]}")"; done
  echo "$line" | tee -a "$OUT"
done
log "Wrote $OUT"
