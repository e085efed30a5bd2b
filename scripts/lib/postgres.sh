# PostgreSQL helpers: install, start, and create Meridian's role and databases.
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_HOST="${MERIDIAN_DB_HOST:-127.0.0.1}"
PG_PORT="${MERIDIAN_DB_PORT:-5432}"
PG_USER="${MERIDIAN_DB_USER:-meridian}"
PG_PASSWORD="${MERIDIAN_DB_PASSWORD:-meridian}"

pg_admin() {
  # Runs psql as the postgres superuser over the local socket.
  (cd / && as_root runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt "$@")
}

# Installs PostgreSQL if missing and starts the default cluster. Prints "started" if this call
# started it, so a caller (CI) can stop only what it started.
ensure_postgres() {
  # Everything but the final word goes to stderr: callers capture stdout.
  apt_install postgresql postgresql-client >&2
  if pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
    return 0
  fi
  local version cluster
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  cluster=$(pg_lsclusters -h | awk -v v="$version" '$1==v {print $2; exit}')
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
  cluster=$(pg_lsclusters -h | awk -v v="$version" '$1==v {print $2; exit}')
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
