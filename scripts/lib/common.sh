# Shared helpers for Meridian's scripts. Source it; do not run it.
set -euo pipefail

MERIDIAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MERIDIAN_WORK="${MERIDIAN_WORK:-$MERIDIAN_ROOT/.work}"
PAYARA_VERSION="${PAYARA_VERSION:-6.2025.10}"
mkdir -p "$MERIDIAN_WORK"

log() { printf '\033[1;34m[meridian]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[meridian]\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing ${missing[*]} (apt)"
  if [ "$APT_UPDATED" -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Java 17 and Maven, plus the small tools the scripts use.
ensure_build_tools() {
  apt_install curl unzip ca-certificates
  if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -q 'version "17'; then
    apt_install openjdk-17-jdk-headless
  fi
  command -v mvn >/dev/null 2>&1 || apt_install maven
  if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "17'; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
  fi
}

# Waits until a URL answers with the given HTTP status, or fails after a timeout (seconds).
wait_for_http() {
  local url="$1" want="${2:-200}" timeout="${3:-120}" start now code
  start=$(date +%s)
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
    [ "$code" = "$want" ] && return 0
    now=$(date +%s)
    if [ $((now - start)) -ge "$timeout" ]; then
      log "Timed out after ${timeout}s waiting for $url (last status $code)"
      return 1
    fi
    sleep 1
  done
}

mvn_cmd() {
  mvn -B -ntp -Dstyle.color=never "$@"
}
