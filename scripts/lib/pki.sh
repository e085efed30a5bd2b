# The installation's own certificate authority and the certificates of every service that answers
# across the WAN (PostgreSQL primary, artifact server, brokers). Source it; do not run it.
#
# Made once per installation under .work/secrets/pki (mode 700): ca.crt (give it to every client)
# and ca.key; NAME.crt / NAME.key per service, RSA 2048, SANs as asked (IP addresses here),
# valid 397 days. Bring your own CA: set MERIDIAN_CA_CERT and MERIDIAN_CA_KEY (PEM files) before the
# first start; they are copied in and sign everything. Rotate a service's certificate: delete its
# NAME.crt and restart the topology; rotate the CA: delete the whole pki directory (every service
# and client is given the new one at the next start).
# shellcheck source=install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"

PKI_DIR="$SECRETS_DIR/pki"

pki_ca() {
  [ -s "$PKI_DIR/ca.crt" ] && [ -s "$PKI_DIR/ca.key" ] && return 0
  (umask 077; mkdir -p "$PKI_DIR")
  if [ -n "${MERIDIAN_CA_CERT:-}" ]; then
    [ -f "$MERIDIAN_CA_CERT" ] && [ -f "${MERIDIAN_CA_KEY:-}" ] \
      || die "MERIDIAN_CA_CERT and MERIDIAN_CA_KEY must both name PEM files"
    install -m 644 "$MERIDIAN_CA_CERT" "$PKI_DIR/ca.crt"
    install -m 600 "$MERIDIAN_CA_KEY" "$PKI_DIR/ca.key"
    log "Using your CA: $(openssl x509 -in "$PKI_DIR/ca.crt" -noout -subject)"
    return 0
  fi
  log "Creating this installation's certificate authority ($PKI_DIR/ca.crt)"
  (umask 077; run_logged "$MERIDIAN_WORK/logs/pki.log" openssl req -x509 -newkey rsa:2048 -nodes \
    -keyout "$PKI_DIR/ca.key" -out "$PKI_DIR/ca.crt" -days 1825 -subj "/O=Meridian/CN=Meridian installation CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign")
  chmod 644 "$PKI_DIR/ca.crt"
}

# pki_issue NAME SANS: NAME.crt and NAME.key for the subject alternative names SANS
# ("IP:10.201.1.1,IP:127.0.0.1"), made unless a current one (same names, signed by ca.crt) exists.
pki_issue() {
  local name="$1" sans="$2" crt="$PKI_DIR/$1.crt" key="$PKI_DIR/$1.key"
  pki_ca
  if [ -s "$crt" ] && [ -s "$key" ] && [ "$(cat "$crt.sans" 2>/dev/null)" = "$sans" ] \
    && openssl verify -CAfile "$PKI_DIR/ca.crt" "$crt" >/dev/null 2>&1 \
    && openssl x509 -in "$crt" -noout -checkend 86400 >/dev/null; then
    return 0
  fi
  (umask 077
   run_logged "$MERIDIAN_WORK/logs/pki.log" openssl req -new -newkey rsa:2048 -nodes -keyout "$key" \
     -out "$PKI_DIR/$name.csr" -subj "/O=Meridian/CN=$name"
   printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\nbasicConstraints=CA:FALSE\n' \
     "$sans" > "$PKI_DIR/$name.ext"
   run_logged "$MERIDIAN_WORK/logs/pki.log" openssl x509 -req -in "$PKI_DIR/$name.csr" -CA "$PKI_DIR/ca.crt" \
     -CAkey "$PKI_DIR/ca.key" -CAcreateserial -days 397 -sha256 -extfile "$PKI_DIR/$name.ext" -out "$crt")
  printf '%s' "$sans" > "$crt.sans"
  rm -f "$PKI_DIR/$name.csr" "$PKI_DIR/$name.ext"
  chmod 644 "$crt"
}

# pki_pkcs12 NAME: NAME.p12 (key and certificate, for Java servers), its password in the secret
# pki-NAME.p12; prints the path.
pki_pkcs12() {
  local name="$1" p12="$PKI_DIR/$1.p12" pass
  pass=$(secret_file "pki-$name.p12")
  (umask 077; run_logged "$MERIDIAN_WORK/logs/pki.log" openssl pkcs12 -export -in "$PKI_DIR/$name.crt" \
    -inkey "$PKI_DIR/$name.key" -name "$name" -passout "file:$pass" -out "$p12")
  printf '%s' "$p12"
}

# pki_truststore: ca.p12, a PKCS12 trust store with ca.crt (for Java clients), its password in the
# secret pki-ca.p12; prints the path.
pki_truststore() {
  local p12="$PKI_DIR/ca.p12" pass
  pki_ca
  pass=$(secret_file pki-ca.p12)
  rm -f "$p12"
  require_java
  (umask 077; run_logged "$MERIDIAN_WORK/logs/pki.log" "$JAVA_HOME/bin/keytool" -importcert -noprompt \
    -alias meridian-ca -file "$PKI_DIR/ca.crt" -keystore "$p12" -storetype PKCS12 -storepass:file "$pass")
  printf '%s' "$p12"
}
