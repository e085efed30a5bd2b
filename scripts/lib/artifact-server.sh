# The artifact server: Debian's nginx serving a directory. Source it; do not run it.
#
# Two listeners: LOCAL (plain HTTP, the master DC's loopback) serves reads and WebDAV PUT/DELETE,
# writes only with the writer's credentials (HTTP Basic, user "publisher", password in the secret
# artifact-writer; the master domain gets them as a file, .work/secrets/artifact-writer.credentials);
# WAN (HTTPS, a certificate from the installation's CA) serves reads only: what another datacenter
# may do with artifacts is GET them. The artifacts' signatures stay the last line of defence.
# shellcheck source=install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"
# shellcheck source=pki.sh
source "$(dirname "${BASH_SOURCE[0]}")/pki.sh"

ARTIFACT_WRITER=publisher

# The writer's credentials file (user:password), for the master's publication worker.
artifact_writer_credentials() {
  local f="$SECRETS_DIR/artifact-writer.credentials"
  (umask 077; printf '%s:%s\n' "$ARTIFACT_WRITER" "$(secret artifact-writer)" > "$f")
  printf '%s' "$f"
}

# artifact_writer_htpasswd: the writer's htpasswd line, its password hashed as salted SHA-1
# ({SSHA}). nginx checks it on every PUT; a slow hash (SHA-512 crypt, 5000 rounds) cost 4 ms a
# write, 20 ms a publication, and buys nothing for a generated 144-bit random secret, which no
# dictionary holds and no search reaches. openssl reads the password on standard input.
artifact_writer_htpasswd() {
  local salt digest
  salt=$(head -c 8 /dev/urandom | base64 -w0)
  digest=$({ secret artifact-writer; printf '%s' "$salt" | base64 -d; } \
    | openssl dgst -sha1 -binary | { cat; printf '%s' "$salt" | base64 -d; } | base64 -w0)
  printf '%s:{SSHA}%s\n' "$ARTIFACT_WRITER" "$digest"
}

# artifact_server_start DIR LOCAL_LISTEN WAN_IP WAN_PORT [NETNS]: LOCAL_LISTEN "ip:port" (plain,
# reads and authenticated writes); HTTPS reads on WAN_IP:WAN_PORT (none if WAN_IP is empty).
artifact_server_start() {
  local dir="$1" local_listen="$2" wan_ip="$3" wan_port="$4" ns="${5:-}" run=() wan_server=""
  [ -n "$ns" ] && run=(ip netns exec "$ns")
  require_installed nginx
  as_root rm -rf "$dir"
  as_root install -d -m 755 "$dir"
  as_root install -d -m 755 -o www-data "$dir/files" "$dir/tmp"
  as_root install -d -m 700 "$dir/tls"
  artifact_writer_htpasswd | as_root tee "$dir/writers.htpasswd" >/dev/null
  as_root chmod 640 "$dir/writers.htpasswd"; as_root chgrp www-data "$dir/writers.htpasswd"
  if [ -n "$wan_ip" ]; then
    pki_issue artifact-server "IP:$wan_ip"
    as_root install -m 644 "$PKI_DIR/artifact-server.crt" "$dir/tls/server.crt"
    as_root install -m 600 "$PKI_DIR/artifact-server.key" "$dir/tls/server.key"
    local tls="ssl;
    ssl_certificate $dir/tls/server.crt;
    ssl_certificate_key $dir/tls/server.key;
    ssl_protocols TLSv1.2 TLSv1.3;"
    [ "$WAN_TLS" = 1 ] || tls=";"
    wan_server="
  server {
    listen $wan_ip:$wan_port $tls
    root $dir/files;
    location / { limit_except GET HEAD { deny all; } }
  }"
  fi
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
  # Tells clients how long an idle connection stays open (the JDK keeps it 5 s when not told):
  # gateways reconcile every 10 s, so their connections across the WAN stay open, and an
  # announced artifact is read without a new TCP and TLS handshake (two round trips).
  keepalive_timeout 75s 75s;
  server_tokens off;
  types { application/json json; }
  default_type application/octet-stream;
  server {
    listen $local_listen;
    root $dir/files;
    location / {
      dav_methods PUT DELETE;
      create_full_put_path on;
      dav_access user:rw group:r all:r;
      client_max_body_size 16m;
      limit_except GET HEAD {
        auth_basic "meridian-artifacts";
        auth_basic_user_file $dir/writers.htpasswd;
      }
    }
  }$wan_server
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
