#!/usr/bin/env bash
# Brings up Meridian on this machine as two datacenters: builds it, then starts (scripts/dc.sh)
# the master DC and a read-only DC, each in its own network namespace, joined by a WAN link with
# 20 ms of delay each way, and prints where to click and what to curl. Needs root (namespaces);
# installs what is missing (Java 17, Maven, PostgreSQL, Payara, Artemis, nginx, iptables).
# Stop with scripts/down.sh.
#
# Environment: MERIDIAN_ADMIN_PASSWORD (default meridian-admin).
source "$(dirname "$0")/lib/common.sh"

export MERIDIAN_ADMIN_PASSWORD="${MERIDIAN_ADMIN_PASSWORD:-meridian-admin}"
ensure_build_tools
cd "$MERIDIAN_ROOT"
log "Building Meridian"
mvn_cmd -q install -DskipTests
bash scripts/dc.sh up

H="http://10.201.1.1:10080"
GM="http://10.201.1.1:8280"
GR="http://10.201.2.1:8280"
cat <<INFO

Meridian is up: a master datacenter (10.201.1.1) and a read-only datacenter (10.201.2.1).

  Master DC
    Publisher API   $H/publisher/api/v1/apis      (admin / $MERIDIAN_ADMIN_PASSWORD)
    Store API       $H/store/api/v1/apis
    OAuth2          $H/store/oauth2/token  /revoke  /introspect  /jwks
    Payara console  http://10.201.1.1:10048/        (domain meridian-dc-master)
    Gateway gw-m    $GM/{context}/{version}/...
    Artifacts       http://10.201.1.1:8088/manifests/latest   (nginx WebDAV)
  Read-only DC
    Gateway gw-r1   $GR/{context}/{version}/...   (sync state: $GR/-/sync)

Try it (each DC has a demo backend on :9000 that answers with its datacenter's name; the API's
per-DC endpoint sends read-only DC traffic to its own backend):
  # publish an API on the master
  curl -u admin:$MERIDIAN_ADMIN_PASSWORD -H 'Content-Type: application/json' $H/publisher/api/v1/apis \\
    -d '{"name":"Demo","context":"/demo","version":"1.0","operations":[{"method":"GET","uriTemplate":"/hello"}],
         "endpoints":{"production":{"url":"http://10.201.1.1:9000"},"datacenters":{"dc-ro1":{"url":"http://10.201.2.1:9000"}}}}'
  curl -u admin:$MERIDIAN_ADMIN_PASSWORD -H 'Content-Type: application/json' \\
    $H/publisher/api/v1/apis/<id>/lifecycle -d '{"state":"PUBLISHED"}'
  # sign up, create an application, subscribe, get keys and a token (all on the master)
  curl -H 'Content-Type: application/json' $H/store/api/v1/signup -d '{"username":"dev1","password":"dev1-password"}'
  curl -u dev1:dev1-password -H 'Content-Type: application/json' $H/store/api/v1/applications -d '{"name":"app1"}'
  curl -u dev1:dev1-password -H 'Content-Type: application/json' $H/store/api/v1/applications/<app>/subscriptions \\
    -d '{"apiId":"<id>","tier":"Gold"}'
  curl -u dev1:dev1-password -X POST $H/store/api/v1/applications/<app>/keys
  curl -u <consumerKey>:<consumerSecret> -d grant_type=client_credentials $H/store/oauth2/token
  # call the API in the read-only DC: validated there, from its own replica
  curl -H "Authorization: Bearer <access_token>" $GR/demo/1.0/hello
  # where it runs, as the master sees it
  curl -u admin:$MERIDIAN_ADMIN_PASSWORD $H/publisher/api/v1/apis/<id>/deployments
  # cut the WAN and heal it: the read-only gateway keeps serving
  sudo scripts/dc.sh partition; curl -H "Authorization: Bearer <access_token>" $GR/demo/1.0/hello; sudo scripts/dc.sh heal

Stop it with: scripts/down.sh
INFO
