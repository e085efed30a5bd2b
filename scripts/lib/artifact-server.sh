# The artifact server: Debian's nginx serving a directory over HTTP, with WebDAV PUT/DELETE
# allowed only from the master datacenter (gateways only ever GET). Source it; do not run it.
# shellcheck source=install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"

# artifact_server_start DIR LISTEN WRITERS [NETNS]: LISTEN is "ip:port" (or several, space
# separated); WRITERS the addresses allowed to write (nginx allow syntax, space separated).
artifact_server_start() {
  local dir="$1" listen="$2" writers="$3" ns="${4:-}" run=()
  [ -n "$ns" ] && run=(ip netns exec "$ns")
  require_installed nginx
  as_root rm -rf "$dir"
  as_root install -d -m 755 "$dir"
  as_root install -d -m 755 -o www-data "$dir/files" "$dir/tmp"
  local listens="" allows=""
  for l in $listen; do listens+="    listen $l;"$'\n'; done
  for w in $writers; do allows+="allow $w; "; done
  cat >"$dir/nginx.conf" <<NGINX
user www-data;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 512; }
http {
  access_log $dir/access.log;
  client_body_temp_path $dir/tmp;
  sendfile on;
  types { application/json json; }
  default_type application/octet-stream;
  server {
$listens
    root $dir/files;
    location / {
      dav_methods PUT DELETE;
      create_full_put_path on;
      dav_access user:rw group:r all:r;
      client_max_body_size 16m;
      limit_except GET HEAD { $allows deny all; }
    }
  }
}
NGINX
  as_root "${run[@]}" nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log" \
    || die "nginx did not start; see $dir/error.log"
}

artifact_server_stop() {
  local dir="$1"
  [ -f "$dir/nginx.pid" ] || return 0
  kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  rm -f "$dir/nginx.pid"
}

# demo_backend_start DIR LISTEN NETNS NAME: a tiny backend (nginx) answering every GET with
# {"datacenter":NAME,"path":...}, so that each DC has a backend of its own (demo and benchmarks).
demo_backend_start() {
  local dir="$1" listen="$2" ns="$3" name="$4"
  require_installed nginx
  mkdir -p "$dir/tmp"
  cat >"$dir/nginx.conf" <<NGINX
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/tmp;
  server {
    listen $listen;
    default_type application/json;
    location / { return 200 '{"datacenter":"$name","path":"\$uri"}\n'; }
  }
}
NGINX
  as_root ip netns exec "$ns" nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log" \
    || die "the demo backend did not start; see $dir/error.log"
}
