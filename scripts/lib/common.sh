# Shared helpers for Meridian's scripts. Source it; do not run it.
#
# Every script fails loudly: -E makes functions and subshells inherit the ERR trap, which names the
# failing command (as written, so no expanded secret), where it is, and its exit status.
set -Eeuo pipefail

MERIDIAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MERIDIAN_WORK="${MERIDIAN_WORK:-$MERIDIAN_ROOT/.work}"
PAYARA_VERSION="${PAYARA_VERSION:-6.2025.10}"
mkdir -p "$MERIDIAN_WORK"

log() { printf '\033[1;34m[meridian]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[meridian]\033[0m %s\n' "$*" >&2; exit 1; }

meridian_on_error() {
  local rc="$1" cmd="$2" where="" i
  for ((i = 1; i < ${#FUNCNAME[@]}; i++)); do
    where+="    at ${FUNCNAME[$i]} (${BASH_SOURCE[$i]#"$MERIDIAN_ROOT"/}:${BASH_LINENO[$((i - 1))]})"$'\n'
  done
  printf '\033[1;31m[meridian]\033[0m FAILED (exit %s): %s\n%s' "$rc" "$cmd" "$where" >&2
}
trap 'meridian_on_error $? "$BASH_COMMAND"' ERR

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The network namespace this shell runs in ("" for the host's). The DC namespaces have no route to
# the package registries, so nothing may be downloaded from inside one.
current_netns() { as_root ip netns identify "$$" 2>/dev/null || true; }

refuse_in_netns() {
  local ns; ns=$(current_netns)
  [ -z "$ns" ] && return 0
  die "$1 was called inside network namespace $ns, which cannot reach the package registries. Install first, in the host namespace: scripts/install.sh"
}

# run_logged LOG COMMAND...: runs COMMAND with its output in LOG; if it fails, shows the end of
# LOG and says where the whole of it is.
run_logged() {
  local logfile="$1" rc=0
  shift
  mkdir -p "$(dirname "$logfile")"
  "$@" >"$logfile" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    {
      printf '\033[1;31m[meridian]\033[0m %s failed (exit %s). Last lines of %s:\n' "$(basename "$1")" "$rc" "$logfile"
      tail -n 30 "$logfile" | sed 's/^/    /'
    } >&2
    return "$rc"
  fi
}

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  refuse_in_netns "apt-get install ${missing[*]}"
  log "Installing ${missing[*]} (apt)"
  if [ "$APT_UPDATED" -eq 0 ]; then
    run_logged "$MERIDIAN_WORK/logs/apt-update.log" as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    APT_UPDATED=1
  fi
  run_logged "$MERIDIAN_WORK/logs/apt-install.log" \
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# Java 17 must be there (scripts/install.sh installs it); exports its JAVA_HOME.
require_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "17'; then
    return 0
  fi
  command -v java >/dev/null 2>&1 && java -version 2>&1 | grep -q 'version "17' \
    || die "Java 17 is missing: run scripts/install.sh"
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
}

# Waits (up to $1 seconds) until COMMAND succeeds.
wait_until() {
  local timeout="$1"; shift
  local deadline=$(( $(date +%s) + timeout ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.2
  done
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

# Maven, in batch mode. MERIDIAN_MAVEN_REPO points it at another local repository (scripts/
# fresh-check.sh uses an empty one, as a new machine has). Never inside a DC namespace.
mvn_cmd() {
  refuse_in_netns "Maven"
  mvn -B -ntp -Dstyle.color=never ${MERIDIAN_MAVEN_REPO:+-Dmaven.repo.local="$MERIDIAN_MAVEN_REPO"} "$@"
}

# Every link between datacenters is TLS. MERIDIAN_WAN_TLS=0 runs them in plain text instead, for
# one purpose only: measuring what TLS costs (bench/propagation.sh --compare-tls). Never otherwise.
WAN_TLS="${MERIDIAN_WAN_TLS:-1}"

# ---- Secrets: generated once per installation, kept in .work/secrets (mode 700, files 600) ----
# A secret never goes on a command line (ps and /proc/*/cmdline show those to every user): scripts
# read it into a variable and hand it over in a file (mode 600), on standard input, or in a
# configuration file; only builtins (printf, echo) ever see it as an argument.
SECRETS_DIR="$MERIDIAN_WORK/secrets"

# secret NAME: prints the secret kept in .work/secrets/NAME, made (24 random URL-safe characters)
# on first use.
secret() {
  local f="$SECRETS_DIR/$1"
  if [ ! -s "$f" ]; then
    (umask 077; mkdir -p "$SECRETS_DIR"; head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$f")
  fi
  chmod 700 "$SECRETS_DIR"; chmod 600 "$f"
  printf '%s' "$(<"$f")"
}

# secret_file NAME: the path of that secret's file (made on first use).
secret_file() { secret "$1" >/dev/null; printf '%s' "$SECRETS_DIR/$1"; }
