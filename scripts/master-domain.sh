#!/usr/bin/env bash
# The master datacenter's control plane on Payara Server: PostgreSQL database, domain, EAR.
#
#   scripts/master-domain.sh start [--name N] [--portbase P] [--db D] [--fresh] [--secure-admin]
#                                  [--ear FILE | --no-ear]
#   scripts/master-domain.sh deploy [--name N] [--portbase P] [--ear FILE]   (redeploy into a running domain)
#   scripts/master-domain.sh stop  [--name N]
#
# --fresh drops and recreates the database. HTTP listens on portbase+80, admin on portbase+48. The
# domain's administrator is "admin", with a password generated at creation into
# .work/secrets/payara-admin-N (mode 600; asadmin gets .work/secrets/payara-admin-N.asadmin as its
# --passwordfile). --secure-admin: the admin port and asadmin speak TLS only (scripts/dc.sh's
# master domain). Environment: MERIDIAN_DB_PASSWORD_FILE, MERIDIAN_BROKER_URL,
# MERIDIAN_BROKER_PASSWORD_FILE, MERIDIAN_ARTIFACTS_LOCATION, MERIDIAN_ARTIFACTS_CREDENTIALS_FILE,
# MERIDIAN_EXTRA_CONFIG ("key=value ..." MicroProfile Config properties of the domain).
# --no-ear: the domain and its resources (JDBC pool, resource adapter, connector resources) without
# the EAR, for tests that deploy their own archives (container-tests: the EAR's MDBs and outbox
# worker would take their messages and publications).
source "$(dirname "$0")/lib/postgres.sh"
source "$(dirname "$0")/lib/payara.sh"

cmd="${1:-}"; shift || true
name=meridian-master; base=10000; db=meridian; fresh=keep; deploy_ear=1; secure=""
ear="$MERIDIAN_ROOT/ear/target/meridian.ear"
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --portbase) base="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --fresh) fresh=fresh; shift ;;
    --ear) ear="$2"; shift 2 ;;
    --no-ear) deploy_ear=0; shift ;;
    --secure-admin) secure=secure; shift ;;
    *) die "unknown option $1" ;;
  esac
done

case "$cmd" in
  start)
    require_installed java postgresql payara-server activemq-rar postgresql-driver
    [ "$deploy_ear" = 0 ] || [ -f "$ear" ] || die "No EAR at $ear: build with 'mvn -DskipTests install' first"
    ensure_postgres >/dev/null
    ensure_database "$db" "$fresh"
    domain_create "$name" "$base" "$db" "$secure"
    if [ "$deploy_ear" = 0 ]; then
      log "Domain $name up without the EAR (admin port $(( base + 48 )), HTTP port $(( base + 80 )))"
      exit 0
    fi
    domain_deploy "$name" "$base" "$ear"
    log "Control plane up: http://127.0.0.1:$(( base + 80 ))/ (admin console port $(( base + 48 )))"
    ;;
  deploy)
    domain_deploy "$name" "$base" "$ear"
    ;;
  stop)
    domain_stop "$name"
    ;;
  *)
    sed -n '2,18p' "$0"; exit 2 ;;
esac
