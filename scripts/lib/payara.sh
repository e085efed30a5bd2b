# Payara Server helpers: create a domain pointed at PostgreSQL, start it, deploy the EAR, stop it.
# Payara itself, the resource adapter and the driver come from scripts/install.sh.
# shellcheck source=install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"

# asadmin escaping for a property value (colons and equals signs separate properties).
asadmin_escape() { printf '%s' "$1" | sed 's/[:=]/\\&/g'; }

# micro_resource_commands DB_HOST DB BROKER_URL: the asadmin commands (a post-boot command file)
# that give a Payara Micro gateway node its resources: the DC's database as jdbc/meridian-replica,
# and the ActiveMQ resource adapter's broker. scripts/gateway-node.sh and the container tests use it.
micro_resource_commands() {
  local db_host="$1" db="$2" broker="$3"
  cat <<ASADMIN
create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize 1 --maxpoolsize 8 --isconnectvalidatereq true --validationmethod auto-commit --property serverName=${db_host}:portNumber=${PG_PORT}:databaseName=${db}:user=${PG_USER}:password=$(asadmin_escape "$PG_PASSWORD") meridian-replica-pool
create-jdbc-resource --connectionpoolid meridian-replica-pool jdbc/meridian-replica
create-resource-adapter-config --property ServerUrl=$(asadmin_escape "$broker"):UserName=${MERIDIAN_BROKER_USER:-meridian}:Password=$(asadmin_escape "${MERIDIAN_BROKER_PASSWORD:-meridian-broker}") activemq-rar-$ACTIVEMQ_RAR_VERSION
ASADMIN
}

# domain_create NAME PORTBASE DB_NAME: a new domain (replacing an old one of that name).
domain_create() {
  local name="$1" base="$2" db="$3" admin=$(( $2 + 48 ))
  domain_stop "$name" || true
  rm -rf "$PAYARA_HOME/glassfish/domains/$name"
  log "Creating Payara domain $name (admin port $admin, HTTP port $(( base + 80 )))"
  "$ASADMIN" create-domain --nopassword --portbase "$base" "$name" >/dev/null
  cp "$POSTGRESQL_DRIVER_JAR" "$PAYARA_HOME/glassfish/domains/$name/lib/"
  "$ASADMIN" start-domain "$name" >/dev/null
  local a=("$ASADMIN" --port "$admin")
  "${a[@]}" create-jdbc-connection-pool \
    --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
    --steadypoolsize 2 --maxpoolsize 32 --isconnectvalidatereq true --validationmethod auto-commit \
    --property "serverName=${PG_HOST:-127.0.0.1}:portNumber=${PG_PORT:-5432}:databaseName=$db:user=${PG_USER:-meridian}:password=${PG_PASSWORD:-meridian}" \
    meridian-pool >/dev/null
  "${a[@]}" create-jdbc-resource --connectionpoolid meridian-pool jdbc/meridian >/dev/null
  # Roles are the groups Meridian's identity store returns.
  "${a[@]}" set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true >/dev/null
  "${a[@]}" set-config-property --source domain --propertyName meridian.admin.password \
    --propertyValue "${MERIDIAN_ADMIN_PASSWORD:-meridian-admin}" >/dev/null
  # The secret that encrypts signing keys belongs with the database, not the domain: keep it
  # beside the database's name so a recreated domain can still use the keys.
  "${a[@]}" set-config-property --source domain \
    --propertyName meridian.keymanager.key-encryption-secret-file \
    --propertyValue "$MERIDIAN_WORK/secrets/$db.key-encryption.secret" >/dev/null
  # Publication: where artifacts go, and the broker announcements go to (through the ActiveMQ
  # resource adapter: its configuration first, then the adapter, then a connection factory).
  "${a[@]}" set-config-property --source domain --propertyName meridian.artifacts.location \
    --propertyValue "${MERIDIAN_ARTIFACTS_LOCATION:-http://127.0.0.1:8088/}" >/dev/null
  # The publisher verifies bearer access tokens (MicroProfile JWT) with the key manager's JWKS,
  # which this same domain serves on its HTTP port.
  "${a[@]}" set-config-property --source domain --propertyName mp.jwt.verify.publickey.location \
    --propertyValue "http://127.0.0.1:$(( base + 80 ))/store/oauth2/jwks" >/dev/null
    "${a[@]}" create-resource-adapter-config --property \
    "ServerUrl=$(asadmin_escape "${MERIDIAN_BROKER_URL:-tcp://127.0.0.1:61616}"):UserName=${MERIDIAN_BROKER_USER:-meridian}:Password=$(asadmin_escape "${MERIDIAN_BROKER_PASSWORD:-meridian-broker}")" \
    "activemq-rar-$ACTIVEMQ_RAR_VERSION" >/dev/null
  "${a[@]}" deploy --type rar --name "activemq-rar-$ACTIVEMQ_RAR_VERSION" "$ACTIVEMQ_RAR" >/dev/null
  "${a[@]}" create-connector-connection-pool --raname "activemq-rar-$ACTIVEMQ_RAR_VERSION" \
    --connectiondefinition jakarta.jms.ConnectionFactory --transactionsupport NoTransaction \
    --ping false --steadypoolsize 1 --maxpoolsize 8 meridian-jms-pool >/dev/null
  "${a[@]}" create-connector-resource --poolname meridian-jms-pool jms/meridian >/dev/null
  # The domain's JMX connector (portbase+86) has no authentication on a domain made with
  # --nopassword: listen on loopback only. README, "Operations", says how to open it safely.
  "${a[@]}" set configs.config.server-config.admin-service.jmx-connector.system.address=127.0.0.1 >/dev/null
  # One JSON object per line in logs/server.log (Payara's JSON formatter; no ANSI colours).
  "${a[@]}" set-log-attributes --target server \
    "com.sun.enterprise.server.logging.GFFileHandler.formatter=fish.payara.enterprise.server.logging.JSONLogFormatter" >/dev/null
  for kv in ${MERIDIAN_EXTRA_CONFIG:-}; do
    "${a[@]}" set-config-property --source domain --propertyName "${kv%%=*}" --propertyValue "${kv#*=}" >/dev/null
  done
  "$ASADMIN" stop-domain "$name" >/dev/null
  "$ASADMIN" start-domain "$name" >/dev/null
}

domain_start() {
  "$ASADMIN" start-domain "$1" >/dev/null
}

domain_stop() {
  [ -x "$ASADMIN" ] || return 0
  [ -d "$PAYARA_HOME/glassfish/domains/$1" ] || return 0
  "$ASADMIN" stop-domain "$1" >/dev/null 2>&1 || true
}

# domain_deploy PORTBASE EAR: deploys (or redeploys) the EAR and waits until it answers.
domain_deploy() {
  local base="$1" ear="$2" admin=$(( $1 + 48 )) http=$(( $1 + 80 ))
  log "Deploying $(basename "$ear")"
  "$ASADMIN" --port "$admin" deploy --force=true --name meridian "$ear" >/dev/null \
    || die "Deployment failed; see $PAYARA_HOME/glassfish/domains/*/logs/server.log"
  wait_for_http "http://127.0.0.1:$http/store/oauth2/jwks" 200 120 \
    || die "The EAR deployed but does not answer; see the domain's logs/server.log"
}
