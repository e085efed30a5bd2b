# PostgreSQL helpers: start, and create Meridian's role and databases (scripts/install.sh installs
# PostgreSQL itself).
# shellcheck source=install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"
# shellcheck source=pki.sh
source "$(dirname "${BASH_SOURCE[0]}")/pki.sh"

PG_HOST="${MERIDIAN_DB_HOST:-127.0.0.1}"
PG_PORT="${MERIDIAN_DB_PORT:-5432}"
PG_USER="${MERIDIAN_DB_USER:-meridian}"
# The application role's password: MERIDIAN_DB_PASSWORD_FILE (the two-DC topology's generated one)
# or MERIDIAN_DB_PASSWORD, else the development default of the single-DC test databases.
if [ -n "${MERIDIAN_DB_PASSWORD_FILE:-}" ]; then
  PG_PASSWORD="$(<"$MERIDIAN_DB_PASSWORD_FILE")"
else
  PG_PASSWORD="${MERIDIAN_DB_PASSWORD:-meridian}"
fi

pg_admin() {
  # Runs psql as the postgres superuser over the local socket.
  (cd / && as_root runuser -u postgres -- psql ${PG_SOCKET_DIR:+-h "$PG_SOCKET_DIR"} -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt "$@")
}

# Starts the default cluster unless PostgreSQL already answers. Prints "started" if this call
# started it, so a caller (CI) can stop only what it started.
ensure_postgres() {
  # Everything but the final word goes to stderr: callers capture stdout.
  require_installed postgresql
  if pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
    return 0
  fi
  local version cluster
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  cluster=$(pg_lsclusters -h | awk -v v="$version" '$1==v && !seen {print $2; seen = 1}')
  if [ -z "$cluster" ]; then
    as_root pg_createcluster "$version" main --port "$PG_PORT" >&2
    cluster=main
  fi
  log "Starting PostgreSQL $version/$cluster"
  as_root pg_ctlcluster "$version" "$cluster" start >&2
  for _ in $(seq 1 30); do
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && { echo started; return 0; }
    sleep 1
  done
  die "PostgreSQL did not become ready on $PG_HOST:$PG_PORT"
}

stop_postgres() {
  local version cluster
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  cluster=$(pg_lsclusters -h | awk -v v="$version" '$1==v && !seen {print $2; seen = 1}')
  [ -n "$cluster" ] && as_root pg_ctlcluster "$version" "$cluster" stop || true
}

# Creates the Meridian role (if missing) and the database $1; with "fresh" as $2, drops it first.
ensure_database() {
  local db="$1" mode="${2:-keep}"
  # On standard input: a password in -c would be on psql's command line.
  pg_admin <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD';
  END IF; END \$\$;
SQL
  if [ "$mode" = fresh ]; then
    pg_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  fi
  if [ -z "$(pg_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    pg_admin -c "CREATE DATABASE $db OWNER $PG_USER"
  fi
}

# ---- PostgreSQL nodes of the two-datacenter topology (one cluster per datacenter namespace) ----
pg_bin() { echo "/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -1)/bin"; }
pg_node_dir() { echo "/var/lib/postgresql/meridian-$1"; }

# pg_node_sql NODE SQL...: psql as the superuser over the node's own socket.
pg_node_sql() {
  local node="$1"; shift
  (cd / && as_root runuser -u postgres -- psql -h "$(pg_node_dir "$node")/run" -p 5432 \
    -v ON_ERROR_STOP=1 -qAt "$@")
}

pg_node_ctl() {
  local node="$1" ns="$2"; shift 2
  local dir; dir=$(pg_node_dir "$node")
  (cd / && as_root ip netns exec "$ns" runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$dir/data" \
    -l "$dir/postgres.log" -w -t 60 "$@" >/dev/null)
}

# The credentials of a read-only datacenter DC in the primary (its own, nothing else's):
# replicator_DC (replication only, over TLS, from the DC's network) and gateway_DC (its gateways'
# reads of their standby: SELECT only, and refused by the primary from anywhere but loopback).
pg_role_suffix() { printf '%s' "${1//-/_}"; }

# pg_primary_create NODE NETNS DB SERVER_IP REPLICA_DC REPLICA_NET: a new primary in NETNS (port
# 5432) with Meridian's role and database DB, and for the read-only datacenter REPLICA_DC (network
# REPLICA_NET) a replication role, a gateway role and a slot. TLS with a certificate for SERVER_IP
# from the installation's CA (pki.sh). Clients on loopback (the master DC's own) use scram-sha-256;
# from any other address only REPLICA_DC's replication role is let in, and only over TLS.
pg_primary_create() {
  local node="$1" ns="$2" db="$3" ip="$4" rdc="$5" rnet="$6" dir r
  require_installed postgresql
  dir=$(pg_node_dir "$node"); r=$(pg_role_suffix "$rdc")
  as_root rm -rf "$dir"; as_root install -d -o postgres -g postgres "$dir" "$dir/run"
  # Key and certificate outside the data directory: pg_basebackup copies that to the standby.
  pki_issue "postgres-$node" "IP:$ip"
  as_root install -d -m 700 -o postgres -g postgres "$dir/tls"
  as_root install -m 644 -o postgres "$PKI_DIR/postgres-$node.crt" "$dir/tls/server.crt"
  as_root install -m 600 -o postgres "$PKI_DIR/postgres-$node.key" "$dir/tls/server.key"
  (cd / && as_root runuser -u postgres -- "$(pg_bin)/initdb" -D "$dir/data" -U postgres \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null)
  as_root tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF
listen_addresses = '*'
port = 5432
unix_socket_directories = '$dir/run'
wal_level = replica
max_wal_senders = 8
max_replication_slots = 8
hot_standby = on
hot_standby_feedback = on
wal_keep_size = '256MB'
synchronous_commit = on
# A partition longer than this drops the replication connection, so that the standby reconnects
# as soon as the link heals (instead of waiting for TCP's retransmission backoff).
wal_sender_timeout = '5s'
ssl = on
ssl_cert_file = '$dir/tls/server.crt'
ssl_key_file = '$dir/tls/server.key'
ssl_min_protocol_version = 'TLSv1.2'
CONF
  # initdb's rules let loopback in (peer on the socket, scram-sha-256 over TCP); the one rule for
  # another datacenter follows. Nothing else matches, so anything else is refused.
  local hba=hostssl; [ "$WAN_TLS" = 1 ] || hba=host
  as_root tee -a "$dir/data/pg_hba.conf" >/dev/null <<HBA
$hba replication replicator_$r $rnet scram-sha-256
HBA
  pg_node_ctl "$node" "$ns" start
  # On standard input, passwords included: never on psql's command line.
  pg_node_sql "$node" >/dev/null <<SQL
CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD';
CREATE ROLE replicator_$r REPLICATION LOGIN PASSWORD '$(secret "db-replicator-$rdc")';
CREATE ROLE gateway_$r LOGIN PASSWORD '$(secret "db-gateway-$rdc")';
CREATE DATABASE $db OWNER $PG_USER;
SELECT pg_create_physical_replication_slot('replica');
SQL
  pg_gateway_role "$node" "$db" gateway_$r
}

# pg_gateway_role NODE DB ROLE: ROLE reads DB's tables (those Meridian's migrations make later too).
pg_gateway_role() {
  local node="$1" db="$2" role="$3"
  pg_node_sql "$node" -d "$db" >/dev/null <<SQL
GRANT CONNECT ON DATABASE $db TO $role;
GRANT USAGE ON SCHEMA public TO $role;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO $role;
ALTER DEFAULT PRIVILEGES FOR ROLE $PG_USER IN SCHEMA public GRANT SELECT ON TABLES TO $role;
SQL
}

# pg_gateway_role_create NODE DB DC: a gateway role for the master DC's own gateways.
pg_gateway_role_create() {
  local node="$1" db="$2" r; r=$(pg_role_suffix "$3")
  pg_node_sql "$node" >/dev/null <<SQL
CREATE ROLE gateway_$r LOGIN PASSWORD '$(secret "db-gateway-$3")';
SQL
  pg_gateway_role "$node" "$db" "gateway_$r"
}

# pg_standby_create NODE NETNS PRIMARY_IP DC: a hot standby of the primary at PRIMARY_IP, streaming
# as DC's replication role over TLS that verifies the primary's certificate and address
# (sslmode=verify-full against the installation's CA).
pg_standby_create() {
  local node="$1" ns="$2" primary="$3" rdc="$4" dir r
  dir=$(pg_node_dir "$node"); r=$(pg_role_suffix "$rdc")
  as_root rm -rf "$dir"; as_root install -d -o postgres -g postgres "$dir" "$dir/run"
  pki_ca
  as_root install -m 644 -o postgres "$PKI_DIR/ca.crt" "$dir/ca.crt"
  # The replication password, for pg_basebackup (a password file, not its command line).
  as_root install -m 600 -o postgres /dev/null "$dir/pgpass"
  printf '%s:5432:*:replicator_%s:%s\n' "$primary" "$r" "$(secret "db-replicator-$rdc")" | as_root tee "$dir/pgpass" >/dev/null
  local sslmode=verify-full; [ "$WAN_TLS" = 1 ] || sslmode=disable
  (cd / && as_root ip netns exec "$ns" runuser -u postgres -- env PGPASSFILE="$dir/pgpass" \
    PGSSLMODE=$sslmode PGSSLROOTCERT="$dir/ca.crt" \
    "$(pg_bin)/pg_basebackup" -h "$primary" -U "replicator_$r" -D "$dir/data" -R -X stream -S replica -c fast)
  # Reconnecting fast after a partition: the receiver gives a silent primary up after 5 s, retries
  # every 200 ms, and abandons each connection attempt after 2 s (libpq's least connect_timeout):
  # otherwise one attempt made during the partition would wait out TCP's SYN backoff (1, 3, 7,
  # 15 s...) after the link is back. The primary_conninfo pg_basebackup -R wrote gets the timeout,
  # and must carry verify-full (it copies the connection's TLS settings).
  as_root sed -i "s/^primary_conninfo = '\\(.*\\)'\$/primary_conninfo = '\\1 connect_timeout=2'/" \
    "$dir/data/postgresql.auto.conf"
  as_root grep -q "connect_timeout=2'" "$dir/data/postgresql.auto.conf" \
    || die "Could not add connect_timeout to the standby's primary_conninfo"
  as_root grep -Eq "sslmode=('')?$sslmode('')? " "$dir/data/postgresql.auto.conf" \
    || die "The standby's primary_conninfo does not verify the primary's certificate"
  # The standby serves its own DC over loopback only: no TLS of its own (and never the primary's
  # key), and no replication clients of its own.
  as_root sed -i '/^host\(ssl\)\? replication replicator_/d' "$dir/data/pg_hba.conf"
  as_root tee -a "$dir/data/postgresql.auto.conf" >/dev/null <<CONF
unix_socket_directories = '$dir/run'
ssl = off
wal_retrieve_retry_interval = '200ms'
wal_receiver_timeout = '5s'
wal_receiver_status_interval = '1s'
CONF
  pg_node_ctl "$node" "$ns" start
}

pg_node_stop() {
  local node="$1" dir
  dir=$(pg_node_dir "$node")
  [ -f "$dir/data/postmaster.pid" ] || return 0
  (cd / && as_root runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null) || true
}
