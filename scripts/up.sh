#!/usr/bin/env bash
# Brings up Meridian on this machine as two datacenters: builds it, then starts (scripts/dc.sh)
# the master DC and a read-only DC, each in its own network namespace, joined by a WAN link with
# 20 ms of delay each way, and prints where to click and what to curl. Needs root (namespaces);
# installs what is missing first (scripts/install.sh: Java 17, Maven, PostgreSQL, Payara, Artemis,
# nginx, iptables), in the host namespace. Stop with scripts/down.sh.
#
# Environment: MERIDIAN_ADMIN_PASSWORD (default meridian-admin).
source "$(dirname "$0")/lib/install.sh"
[ $# -eq 0 ] || { sed -n '2,8p' "$0"; exit 2; }

export MERIDIAN_ADMIN_PASSWORD="${MERIDIAN_ADMIN_PASSWORD:-meridian-admin}"
install_all
cd "$MERIDIAN_ROOT"
log "Building Meridian (log: .work/logs/build.log)"
run_logged "$MERIDIAN_WORK/logs/build.log" mvn_cmd install -DskipTests
bash scripts/dc.sh up

H=http://10.201.1.1:8080
GM=http://10.201.1.1:8280
GR=http://10.201.2.1:8280
cat <<INFO

Meridian is up: a master datacenter (10.201.1.1) and a read-only datacenter (10.201.2.1).

  In a browser
    Web publisher   $H/publisher/                 (sign in as admin / $MERIDIAN_ADMIN_PASSWORD)
    Developer portal $H/store/                    (sign up there, or sign in as admin)
  Master DC
    Publisher API   $H/publisher/api/v1/apis      (admin / $MERIDIAN_ADMIN_PASSWORD)
    Store API       $H/store/api/v1/apis
    OAuth2          $H/store/oauth2/token  /revoke  /introspect  /jwks
    Payara console  https://10.201.1.1:8048/      (domain meridian-dc-master, secure admin: user admin,
                    password in .work/secrets/payara-admin-meridian-dc-master; Payara's own certificate)
    Gateway gw-m    $GM/{context}/{version}/...   (node admin: http://10.201.1.1:9280/health/ready; /metrics
                    as meridian-ops, credentials in .work/secrets/node-admin-gw-m.credentials)
    Artifacts       https://10.201.1.1:8443/manifests/latest   (nginx, read only; curl --cacert .work/secrets/pki/ca.crt)
  Read-only DC
    Gateway gw-r1   $GR/{context}/{version}/...   (node admin: http://10.201.2.1:9280/health/ready; /metrics
                    and /-/sync as meridian-ops, credentials in .work/secrets/node-admin-gw-r1.credentials)
  Every link between the DCs is TLS with this installation's CA (.work/secrets/pki/ca.crt); README, "Security".

Try it: paste these lines one by one into a shell in $MERIDIAN_ROOT (each DC has a demo backend
on :9000 that answers with its datacenter's name; the API's per-DC endpoint sends read-only DC
traffic to its own backend). scripts/fresh-check.sh runs exactly these lines.
  H=$H GR=$GR ADMIN=admin:$MERIDIAN_ADMIN_PASSWORD JSON='Content-Type: application/json'
  # publish an API on the master
  API=\$(curl -sf -u \$ADMIN -H "\$JSON" \$H/publisher/api/v1/apis -d '{"name":"Demo","context":"/demo","version":"1.0","operations":[{"method":"GET","uriTemplate":"/hello"}],"endpoints":{"production":{"url":"http://10.201.1.1:9000"},"datacenters":{"dc-ro1":{"url":"http://10.201.2.1:9000"}}}}' | jq -r .id)
  curl -sf -u \$ADMIN -H "\$JSON" \$H/publisher/api/v1/apis/\$API/lifecycle -d '{"state":"PUBLISHED"}'; echo
  # sign up, create an application, subscribe, get keys and a token (all on the master)
  curl -sf -H "\$JSON" \$H/store/api/v1/signup -d '{"username":"dev1","password":"dev1-password"}'; echo
  APP=\$(curl -sf -u dev1:dev1-password -H "\$JSON" \$H/store/api/v1/applications -d '{"name":"app1"}' | jq -r .id)
  curl -sf -u dev1:dev1-password -H "\$JSON" \$H/store/api/v1/applications/\$APP/subscriptions -d "{\"apiId\":\"\$API\",\"tier\":\"Gold\"}"; echo
  CLIENT=\$(curl -sf -u dev1:dev1-password -X POST \$H/store/api/v1/applications/\$APP/keys | jq -r '.consumerKey + ":" + .consumerSecret')
  TOKEN=\$(curl -sf -u \$CLIENT -d grant_type=client_credentials \$H/store/oauth2/token | jq -r .access_token)
  # call the API in the read-only DC: validated there, from its own replica (retried while the publication arrives)
  curl -sf --retry 20 --retry-delay 1 --retry-all-errors -H "Authorization: Bearer \$TOKEN" \$GR/demo/1.0/hello
  # where it runs, as the master sees it
  curl -sf -u \$ADMIN \$H/publisher/api/v1/apis/\$API/deployments | jq .
  # cut the WAN: the read-only gateway keeps serving; then heal it
  scripts/dc.sh partition
  curl -sf -H "Authorization: Bearer \$TOKEN" \$GR/demo/1.0/hello
  scripts/dc.sh heal

Stop it with: scripts/down.sh
INFO
