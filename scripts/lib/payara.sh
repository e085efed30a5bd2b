# Payara Server helpers: create a domain pointed at PostgreSQL, start it, deploy the EAR, stop it.
# Payara itself, the resource adapter and the driver come from scripts/install.sh.
# shellcheck source=install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"

# asadmin escaping for a property value (colons and equals signs separate properties).
asadmin_escape() { printf '%s' "$1" | sed 's/[:=]/\\&/g'; }
# The same in an asadmin multimode file, whose parser takes one level of backslashes itself.
asadmin_batch_escape() { printf '%s' "$1" | sed 's/[:=]/\\\\&/g'; }

# The password of the local broker user: MERIDIAN_BROKER_PASSWORD, or the file
# MERIDIAN_BROKER_PASSWORD_FILE names, or the secret of single-DC brokers (scripts/broker.sh).
broker_password() {
  if [ -n "${MERIDIAN_BROKER_PASSWORD:-}" ]; then printf '%s' "$MERIDIAN_BROKER_PASSWORD"
  elif [ -n "${MERIDIAN_BROKER_PASSWORD_FILE:-}" ]; then printf '%s' "$(<"$MERIDIAN_BROKER_PASSWORD_FILE")"
  else secret broker-local-single
  fi
}

# A domain's administrator is "admin" with a generated password (the secret payara-admin-NAME);
# asadmin reads it from a password file (.work/secrets/payara-admin-NAME.asadmin, mode 600), never
# from its command line. Commands with secrets in them go through a command file (asadmin_batch).
domain_password_file() {
  local f="$SECRETS_DIR/payara-admin-$1.asadmin"
  (umask 077; printf 'AS_ADMIN_PASSWORD=%s\n' "$(secret "payara-admin-$1")" > "$f")
  printf '%s' "$f"
}

# asadmin_as NAME ARGS...: asadmin as the domain's administrator.
asadmin_as() {
  local name="$1"; shift
  "$ASADMIN" --user admin --passwordfile "$(domain_password_file "$name")" "$@"
}

# asadmin_batch NAME ADMIN_PORT < COMMANDS: runs asadmin commands from standard input (through a
# file of mode 600: they may hold secrets); fails naming the first command that failed.
asadmin_batch() {
  local name="$1" port="$2" file out
  file=$(umask 077; mkdir -p "$MERIDIAN_WORK/tmp"; mktemp "$MERIDIAN_WORK/tmp/asadmin-batch.XXXXXX")
  cat > "$file"
  out=$(asadmin_as "$name" --port "$port" multimode --file "$file" 2>&1) || true
  rm -f "$file"
  if printf '%s\n' "$out" | grep -q "^Command .* failed\|^remote failure"; then
    printf '%s\n' "$out" | grep -v "^Command .* executed successfully" >&2
    die "asadmin commands failed on domain $name"
  fi
}

# micro_resource_commands DB_HOST DB BROKER_URL: the asadmin commands (a post-boot command file)
# that give a Payara Micro gateway node its resources: the DC's database as jdbc/meridian-replica,
# and the ActiveMQ resource adapter's broker. scripts/gateway-node.sh and the container tests use it.
micro_resource_commands() {
  local db_host="$1" db="$2" broker="$3"
  cat <<ASADMIN
create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize 1 --maxpoolsize 8 --isconnectvalidatereq true --validationmethod auto-commit --property serverName=${db_host}:portNumber=${PG_PORT}:databaseName=${db}:user=${PG_USER}:password=$(asadmin_escape "$PG_PASSWORD") meridian-replica-pool
create-jdbc-resource --connectionpoolid meridian-replica-pool jdbc/meridian-replica
create-resource-adapter-config --property ServerUrl=$(asadmin_escape "$broker"):UserName=${MERIDIAN_BROKER_USER:-meridian}:Password=$(asadmin_escape "$(broker_password)") activemq-rar-$ACTIVEMQ_RAR_VERSION
ASADMIN
}

# domain_create NAME PORTBASE DB_NAME [secure]: a new domain (replacing an old one of that name),
# its administrator's password generated (domain_password_file); with "secure", secure admin on (the
# admin port and asadmin speak TLS only; the two-DC topology's master domain).
domain_create() {
  local name="$1" base="$2" db="$3" secure="${4:-}" admin=$(( $2 + 48 ))
  domain_stop "$name" || true
  rm -rf "$PAYARA_HOME/glassfish/domains/$name"
  log "Creating Payara domain $name (admin port $admin, HTTP port $(( base + 80 )), user admin, password in $SECRETS_DIR/payara-admin-$name)"
  asadmin_as "$name" create-domain --portbase "$base" "$name" >/dev/null
  cp "$POSTGRESQL_DRIVER_JAR" "$PAYARA_HOME/glassfish/domains/$name/lib/"
  "$ASADMIN" start-domain "$name" >/dev/null
  # One batch (a mode-600 file): the database, broker and admin passwords are in it.
  {
    cat <<ASADMIN
create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize 2 --maxpoolsize 32 --isconnectvalidatereq true --validationmethod auto-commit --property serverName=${PG_HOST:-127.0.0.1}:portNumber=${PG_PORT:-5432}:databaseName=$db:user=${PG_USER:-meridian}:password=$(asadmin_batch_escape "${PG_PASSWORD:-meridian}") meridian-pool
create-jdbc-resource --connectionpoolid meridian-pool jdbc/meridian
set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true
set-config-property --source domain --propertyName meridian.admin.password --propertyValue ${MERIDIAN_ADMIN_PASSWORD:-meridian-admin}
set-config-property --source domain --propertyName meridian.keymanager.key-encryption-secret-file --propertyValue $MERIDIAN_WORK/secrets/$db.key-encryption.secret
set-config-property --source domain --propertyName meridian.artifacts.location --propertyValue ${MERIDIAN_ARTIFACTS_LOCATION:-http://127.0.0.1:8088/}
set-config-property --source domain --propertyName mp.jwt.verify.publickey.location --propertyValue http://127.0.0.1:$(( base + 80 ))/store/oauth2/jwks
create-resource-adapter-config --property ServerUrl=$(asadmin_batch_escape "${MERIDIAN_BROKER_URL:-tcp://127.0.0.1:61616}"):UserName=${MERIDIAN_BROKER_USER:-meridian}:Password=$(asadmin_batch_escape "$(broker_password)") activemq-rar-$ACTIVEMQ_RAR_VERSION
deploy --type rar --name activemq-rar-$ACTIVEMQ_RAR_VERSION $ACTIVEMQ_RAR
create-connector-connection-pool --raname activemq-rar-$ACTIVEMQ_RAR_VERSION --connectiondefinition jakarta.jms.ConnectionFactory --transactionsupport NoTransaction --ping false --steadypoolsize 1 --maxpoolsize 8 meridian-jms-pool
create-connector-resource --poolname meridian-jms-pool jms/meridian
set configs.config.server-config.admin-service.jmx-connector.system.address=127.0.0.1
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.cookie-same-site-enabled=true
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.cookie-same-site-value=Lax
set-log-attributes --target server com.sun.enterprise.server.logging.GFFileHandler.formatter=fish.payara.enterprise.server.logging.JSONLogFormatter
ASADMIN
    [ -n "${MERIDIAN_ARTIFACTS_CREDENTIALS_FILE:-}" ] && echo "set-config-property --source domain --propertyName meridian.artifacts.credentials-file --propertyValue $MERIDIAN_ARTIFACTS_CREDENTIALS_FILE"
    for kv in ${MERIDIAN_EXTRA_CONFIG:-}; do
      echo "set-config-property --source domain --propertyName ${kv%%=*} --propertyValue ${kv#*=}"
    done
    [ "$secure" = secure ] && echo "enable-secure-admin"
    true
  } | asadmin_batch "$name" "$admin"
  # What the batch set, and why: roles are the groups Meridian's identity store returns; the
  # secret that encrypts signing keys belongs with the database (kept beside its name, so a
  # recreated domain can still use the keys); artifacts and announcements go to the artifact
  # server and the broker (through the ActiveMQ resource adapter: its configuration, the adapter,
  # a connection factory); the publisher verifies bearer tokens with the key manager's JWKS, which
  # this domain serves; the JMX connector listens on loopback only (README, "Operations"); cookies
  # (the pages' session) are SameSite=Lax — Payara 6 ignores web.xml's cookie attributes; logs are
  # one JSON object per line.
  asadmin_as "$name" stop-domain "$name" >/dev/null
  asadmin_as "$name" start-domain "$name" >/dev/null
}

domain_start() {
  "$ASADMIN" start-domain "$1" >/dev/null
}

domain_stop() {
  [ -x "$ASADMIN" ] || return 0
  [ -d "$PAYARA_HOME/glassfish/domains/$1" ] || return 0
  asadmin_as "$1" stop-domain "$1" >/dev/null 2>&1 || true
}

# domain_deploy NAME PORTBASE EAR: deploys (or redeploys) the EAR and waits until it answers.
domain_deploy() {
  local name="$1" base="$2" ear="$3" admin=$(( $2 + 48 )) http=$(( $2 + 80 ))
  log "Deploying $(basename "$ear")"
  asadmin_as "$name" --port "$admin" deploy --force=true --name meridian "$ear" >/dev/null \
    || die "Deployment failed; see $PAYARA_HOME/glassfish/domains/*/logs/server.log"
  wait_for_http "http://127.0.0.1:$http/store/oauth2/jwks" 200 120 \
    || die "The EAR deployed but does not answer; see the domain's logs/server.log"
}
