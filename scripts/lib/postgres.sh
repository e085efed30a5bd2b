# PostgreSQL helpers: start, and create Meridian's role and databases (scripts/install.sh installs
# PostgreSQL itself).
# shellcheck source=install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"

PG_HOST="${MERIDIAN_DB_HOST:-127.0.0.1}"
PG_PORT="${MERIDIAN_DB_PORT:-5432}"
PG_USER="${MERIDIAN_DB_USER:-meridian}"
PG_PASSWORD="${MERIDIAN_DB_PASSWORD:-meridian}"

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
  pg_admin -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
        CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD';
      END IF; END \$\$;"
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
REPLICATION_PASSWORD="${MERIDIAN_REPLICATION_PASSWORD:-meridian-replication}"

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

# pg_primary_create NODE NETNS DB: a new primary in NETNS (port 5432), with Meridian's role,
# database DB, a replication role and a slot for the read-only DC.
pg_primary_create() {
  local node="$1" ns="$2" db="$3" dir
  require_installed postgresql
  dir=$(pg_node_dir "$node")
  as_root rm -rf "$dir"; as_root install -d -o postgres -g postgres "$dir" "$dir/run"
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
CONF
  as_root tee -a "$dir/data/pg_hba.conf" >/dev/null <<HBA
host all all 0.0.0.0/0 scram-sha-256
host replication replicator 0.0.0.0/0 scram-sha-256
HBA
  pg_node_ctl "$node" "$ns" start
  pg_node_sql "$node" -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'" \
    -c "CREATE ROLE replicator REPLICATION LOGIN PASSWORD '$REPLICATION_PASSWORD'" \
    -c "CREATE DATABASE $db OWNER $PG_USER" \
    -c "SELECT pg_create_physical_replication_slot('replica')" >/dev/null
}

# pg_standby_create NODE NETNS PRIMARY_IP: a hot standby streaming from the primary at PRIMARY_IP.
pg_standby_create() {
  local node="$1" ns="$2" primary="$3" dir
  dir=$(pg_node_dir "$node")
  as_root rm -rf "$dir"; as_root install -d -o postgres -g postgres "$dir" "$dir/run"
  (cd / && as_root ip netns exec "$ns" runuser -u postgres -- env PGPASSWORD="$REPLICATION_PASSWORD" \
    "$(pg_bin)/pg_basebackup" -h "$primary" -U replicator -D "$dir/data" -R -X stream -S replica -c fast)
  # Reconnecting fast after a partition: the receiver gives a silent primary up after 5 s, retries
  # every 200 ms, and abandons each connection attempt after 2 s (libpq's least connect_timeout):
  # otherwise one attempt made during the partition would wait out TCP's SYN backoff (1, 3, 7,
  # 15 s...) after the link is back. The primary_conninfo pg_basebackup -R wrote gets the timeout.
  as_root sed -i "s/^primary_conninfo = '\\(.*\\)'\$/primary_conninfo = '\\1 connect_timeout=2'/" \
    "$dir/data/postgresql.auto.conf"
  as_root grep -q "connect_timeout=2'" "$dir/data/postgresql.auto.conf" \
    || die "Could not add connect_timeout to the standby's primary_conninfo"
  as_root tee -a "$dir/data/postgresql.auto.conf" >/dev/null <<CONF
unix_socket_directories = '$dir/run'
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
