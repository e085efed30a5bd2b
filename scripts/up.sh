#!/usr/bin/env bash
# Brings up Meridian on this machine: builds it, starts PostgreSQL, a Payara Server domain with
# the control plane and a gateway node on Payara Micro, then prints where to click and what to
# curl.
# Installs what is missing (Java 17, Maven, PostgreSQL, Payara). Stop with scripts/down.sh.
#
# Environment: MERIDIAN_ADMIN_PASSWORD (default meridian-admin), MERIDIAN_PORTBASE (default 10000:
# HTTP on 10080, Payara admin console on 10048), MERIDIAN_GATEWAY_PORT (default 8280).
source "$(dirname "$0")/lib/postgres.sh"

export MERIDIAN_ADMIN_PASSWORD="${MERIDIAN_ADMIN_PASSWORD:-meridian-admin}"
base="${MERIDIAN_PORTBASE:-10000}"
http=$(( base + 80 ))
gw_port="${MERIDIAN_GATEWAY_PORT:-8280}"

ensure_build_tools
cd "$MERIDIAN_ROOT"
log "Building Meridian"
mvn_cmd -q install -DskipTests
bash scripts/master-domain.sh start --name meridian-master --portbase "$base" --db meridian
bash scripts/gateway-node.sh start --name gw1 --port "$gw_port" --db meridian
G="http://127.0.0.1:$gw_port"

H="http://127.0.0.1:$http"
cat <<INFO

Meridian master datacenter is up.

  Publisher API   $H/publisher/api/v1/apis      (admin / $MERIDIAN_ADMIN_PASSWORD)
  Store API       $H/store/api/v1/apis
  OAuth2          $H/store/oauth2/token  /revoke  /introspect  /jwks
  Payara console  http://127.0.0.1:$(( base + 48 ))/        (domain meridian-master)
  Gateway         $G/{context}/{version}/...      (Payara Micro node gw1; health $G/-/health)

Try it (the demo API's backend is the store's own public tiers resource):
  # publish an API
  curl -u admin:$MERIDIAN_ADMIN_PASSWORD -H 'Content-Type: application/json' $H/publisher/api/v1/apis \\
    -d '{"name":"Demo","context":"/demo","version":"1.0","operations":[{"method":"GET","uriTemplate":"/tiers"}],
         "endpoints":{"production":{"url":"$H/store/api/v1"}}}'
  curl -u admin:$MERIDIAN_ADMIN_PASSWORD -H 'Content-Type: application/json' \\
    $H/publisher/api/v1/apis/<id>/lifecycle -d '{"state":"PUBLISHED"}'
  # sign up, create an application, subscribe, get keys and a token
  curl -H 'Content-Type: application/json' $H/store/api/v1/signup -d '{"username":"dev1","password":"dev1-password"}'
  curl -u dev1:dev1-password -H 'Content-Type: application/json' $H/store/api/v1/applications -d '{"name":"app1"}'
  curl -u dev1:dev1-password -H 'Content-Type: application/json' $H/store/api/v1/applications/<app>/subscriptions \\
    -d '{"apiId":"<id>","tier":"Gold"}'
  curl -u dev1:dev1-password -X POST $H/store/api/v1/applications/<app>/keys
  curl -u <consumerKey>:<consumerSecret> -d grant_type=client_credentials $H/store/oauth2/token
  # call the API through the gateway (a second or so after subscribing)
  curl -H "Authorization: Bearer <access_token>" $G/demo/1.0/tiers

Stop it with: scripts/down.sh
INFO
