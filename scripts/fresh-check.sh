#!/usr/bin/env bash
# Proves the first run on a fresh machine, as a new user meets it: clones this repository's HEAD
# into a temporary folder (so no .work/ and nothing uncommitted), points Maven at an EMPTY local
# repository, runs scripts/up.sh there, then runs every command of the "Try it" block up.sh printed
# (publish, sign up, subscribe, token, call through the read-only gateway, partition and heal),
# opens the publisher's URL and the web publisher's sign-in page in headless Chromium (screenshots +
# DOM: no browser error page), and
# stops everything with scripts/down.sh, checking that nothing is left running.
#
#   scripts/fresh-check.sh [--tests] [--keep]
#
# --tests also runs scripts/test.sh in the fresh clone (same empty Maven repository).
# --keep leaves the temporary folder (clone, Maven repository, logs, screenshot) for inspection.
# Needs root, like up.sh; takes 10-20 minutes (everything is downloaded again). Output and the
# screenshot: .work/fresh-check/ of this checkout.
source "$(dirname "$0")/lib/install.sh"

with_tests=0; keep=0
for arg in "$@"; do
  case "$arg" in
    --tests) with_tests=1 ;;
    --keep) keep=1 ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done

as_root ip netns list | grep -qw mer-m && die "A two-DC topology is already running; stop it first (scripts/down.sh)"
out="$MERIDIAN_WORK/fresh-check"
rm -rf "$out"; mkdir -p "$out"
tmp=$(mktemp -d /var/tmp/meridian-fresh.XXXXXX)
clone="$tmp/meridian"
finish() {
  local rc=$?
  # Whatever happened, the fresh clone's topology goes (a failed run must not leave it behind).
  [ -x "$clone/scripts/down.sh" ] && env -u MERIDIAN_WORK bash "$clone/scripts/down.sh" >>"$out/down.log" 2>&1 || true
  if [ "$keep" = 1 ] || [ "$rc" -ne 0 ]; then log "Kept $tmp for inspection"; else rm -rf "$tmp"; fi
}
trap finish EXIT

log "Fresh clone of $(git -C "$MERIDIAN_ROOT" rev-parse --short HEAD) into $clone; empty Maven repository $tmp/m2"
git clone -q "$MERIDIAN_ROOT" "$clone"
export MERIDIAN_MAVEN_REPO="$tmp/m2"
# The clone's scripts use the clone's own .work/.
fresh() { env -u MERIDIAN_WORK "$@"; }
install_all browser # Chromium for the last step, from this checkout (not part of what is checked)

log "scripts/up.sh (output: $out/up.log)"
start=$(date +%s)
fresh bash "$clone/scripts/up.sh" 2>&1 | tee "$out/up.log" | sed -u 's/^/    up.sh | /' >&2 \
  || die "scripts/up.sh failed on a fresh clone; see $out/up.log"
log "up.sh finished in $(( $(date +%s) - start )) s"

# The "Try it" block: every line after it that is indented and not a comment, up to "Stop it".
sed 's/\x1b\[[0-9;]*m//g' "$out/up.log" \
  | awk '/^Try it/ {on=1; next} /^Stop it/ {on=0} on && /^  [^ #]/ {sub(/^  /, ""); print}' > "$out/try-it.sh"
[ -s "$out/try-it.sh" ] || die "up.sh printed no commands to try; see $out/up.log"
log "Running the $(wc -l < "$out/try-it.sh") commands up.sh printed (output: $out/try-it.log)"
(cd "$clone" && fresh bash -euo pipefail -v "$out/try-it.sh") >"$out/try-it.log" 2>&1 \
  || { tail -n 30 "$out/try-it.log" >&2; die "A printed command failed; see $out/try-it.log"; }
grep -q '"datacenter":"dc-ro1"' "$out/try-it.log" \
  || die "The read-only gateway's answer did not come from the read-only DC's backend; see $out/try-it.log"

log "Opening the publisher in headless Chromium"
publisher=$(sed 's/\x1b\[[0-9;]*m//g' "$out/up.log" | awk '$1 == "Publisher" && !seen {print $3; seen = 1}')
[ -n "$publisher" ] || die "up.sh printed no publisher URL"
admin_password="${MERIDIAN_ADMIN_PASSWORD:-meridian-admin}"
url="${publisher/http:\/\//http://admin:$admin_password@}"
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$tmp/chromium" --window-size=1280,800)
"${chrome[@]}" --screenshot="$out/publisher.png" "$url" >"$out/chromium.log" 2>&1 \
  || die "Chromium could not take a screenshot; see $out/chromium.log"
"${chrome[@]}" --dump-dom "$url" >"$out/publisher.html" 2>>"$out/chromium.log" \
  || die "Chromium could not load $publisher; see $out/chromium.log"
# A refused or failed load (ERR_UNSAFE_PORT for a port on the browsers' blocked list) leaves an
# empty DOM and a "Page load failed: net::ERR_..." line.
if grep -q 'Page load failed' "$out/chromium.log"; then
  die "Chromium cannot open $publisher: $(grep -o 'net::ERR_[A-Z_]*' "$out/chromium.log" | head -1)"
fi
grep -q '"context":"/demo"' "$out/publisher.html" \
  || die "The publisher's page in Chromium does not list the demo API; see $out/publisher.html"
log "Screenshot: $out/publisher.png"
# The web pages: the publisher's sign-in page, as a person opening the printed address sees it.
pages=$(sed 's/\x1b\[[0-9;]*m//g' "$out/up.log" | awk '$1 == "Web" && $2 == "publisher" && !seen {print $3; seen = 1}')
[ -n "$pages" ] || die "up.sh printed no web publisher address"
"${chrome[@]}" --screenshot="$out/publisher-pages.png" "$pages" >>"$out/chromium.log" 2>&1 \
  || die "Chromium could not take a screenshot of $pages; see $out/chromium.log"
"${chrome[@]}" --dump-dom "$pages" >"$out/publisher-pages.html" 2>>"$out/chromium.log" \
  || die "Chromium could not load $pages; see $out/chromium.log"
grep -q 'Sign in to publish APIs' "$out/publisher-pages.html" \
  || die "The web publisher at $pages shows no sign-in page; see $out/publisher-pages.html"
log "Screenshot: $out/publisher-pages.png"

log "scripts/down.sh"
fresh bash "$clone/scripts/down.sh" >"$out/down.log" 2>&1 || die "scripts/down.sh failed; see $out/down.log"
left=$(pgrep -af -- "$clone" || true)
[ -z "$left" ] || die "Still running after down.sh: $left"
as_root ip netns list | grep -q '^mer-' && die "Namespaces left after down.sh: $(as_root ip netns list)"

if [ "$with_tests" = 1 ]; then
  log "scripts/test.sh in the fresh clone (output: $out/test.log)"
  fresh bash "$clone/scripts/test.sh" >"$out/test.log" 2>&1 || die "scripts/test.sh failed; see $out/test.log"
fi
log "Fresh-machine check passed (up.sh, the printed commands, the browser, down.sh$([ "$with_tests" = 1 ] && echo ", test.sh"))"
