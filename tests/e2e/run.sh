#!/usr/bin/env bash
# End-to-end tests of the real desktop app: a virtual X display, tauri-driver over WebKitWebDriver,
# then every tests/*.test.mjs with Node's test runner, one app session at a time.
# Builds nothing: `make e2e` builds the app first (target/debug/outpost, UI embedded).
#
#   tests/e2e/run.sh                            all tests
#   tests/e2e/run.sh tests/search.test.mjs      some files
#   tests/e2e/run.sh --test-name-pattern=undo   the tests whose name matches
#
# Environment: OUTPOST_APP / OUTPOST_CRM (binaries, default target/debug/outpost and crm),
# E2E_TIMEOUT_MS (how long a wait for an element lasts, default 10000),
# E2E_HEADED=1 (use the current $DISPLAY instead of a virtual one, to watch the tests).
# A failed test leaves a screenshot and the page source in tests/e2e/artifacts/, beside the logs.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"
# shellcheck source=lib/headless.sh
. "$HERE/lib/headless.sh"

APP=${OUTPOST_APP:-$ROOT/target/debug/outpost}
CRM=${OUTPOST_CRM:-$ROOT/target/debug/crm}
NATIVE_DRIVER=${WEBKIT_WEBDRIVER:-/usr/bin/WebKitWebDriver}
ARTIFACTS=$HERE/artifacts

fail() {
  echo "e2e: $*" >&2
  exit 1
}

# --- What the run needs --------------------------------------------------------------------------
[ -x "$APP" ] || fail "no app binary at $APP: build it with 'make app'"
[ -x "$CRM" ] || fail "no crm binary at $CRM: build it with 'make app'"
command -v tauri-driver >/dev/null || fail "tauri-driver is missing: run scripts/deps.sh"
[ -x "$NATIVE_DRIVER" ] || fail "WebKitWebDriver is missing at $NATIVE_DRIVER: run scripts/deps.sh"
command -v node >/dev/null || fail "Node.js is missing"
if [ ! -d "$HERE/node_modules" ] || [ "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Test files and runner options from the command line (relative to here or to tests/e2e).
files=()
options=()
for arg in "$@"; do
  case $arg in
    -*) options+=("$arg") ;;
    *)
      [ -e "$arg" ] || [ ! -e "$HERE/$arg" ] || arg=$HERE/$arg
      [ -e "$arg" ] || fail "no test file $arg"
      files+=("$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")")
      ;;
  esac
done
[ ${#files[@]} -gt 0 ] || files=("$HERE"/tests/*.test.mjs)

# --- Everything started here is stopped on exit, by pid -----------------------------------------
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/outpost-e2e.XXXXXX")
DRIVER_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # tauri-driver leads its own process group: WebKitWebDriver and any app it started go with it.
  headless_stop "$DRIVER_PID" group
  headless_stop "$DBUS_PID"
  headless_stop "$XVFB_PID"
  rm -rf "$RUN_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
# The driver and the apps never see the user's own home (each app session gets its own, too).
headless_home "$RUN_DIR/home"
unset CRM_DB

if [ "${E2E_HEADED:-}" = 1 ]; then
  [ -n "${DISPLAY:-}" ] || fail "E2E_HEADED=1 needs a DISPLAY"
else
  headless_display "$ARTIFACTS/xvfb.log" || fail "no virtual display"
fi
headless_bus "$RUN_DIR" "$ARTIFACTS/dbus.log"

# --- tauri-driver on free ports -----------------------------------------------------------------
read -r PORT NATIVE_PORT < <(node -e '
  const net = require("node:net");
  const free = () => new Promise((ok) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => ok(port)); });
  });
  (async () => { const a = await free(); let b = await free(); while (b === a) b = await free(); console.log(a, b); })();
')
(cd "$RUN_DIR" && exec setsid tauri-driver --port "$PORT" --native-port "$NATIVE_PORT" \
  --native-driver "$NATIVE_DRIVER") </dev/null >"$ARTIFACTS/tauri-driver.log" 2>&1 &
DRIVER_PID=$!

export E2E_DRIVER_URL="http://127.0.0.1:$PORT/"
driver_ready() {
  node -e 'fetch(process.argv[1] + "status").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "$E2E_DRIVER_URL"
}
for _ in $(seq 100); do
  driver_ready && break
  kill -0 "$DRIVER_PID" 2>/dev/null || fail "tauri-driver stopped: $(tail -n 20 "$ARTIFACTS/tauri-driver.log")"
  sleep 0.1
done
driver_ready || fail "tauri-driver did not answer on port $PORT (see $ARTIFACTS/tauri-driver.log)"

# --- The tests ----------------------------------------------------------------------------------
export OUTPOST_APP=$APP OUTPOST_CRM=$CRM E2E_TMP=$RUN_DIR E2E_ARTIFACTS=$ARTIFACTS
cd "$HERE"
set +e
node --test --test-concurrency=1 --test-reporter=./lib/reporter.mjs \
  ${options[@]+"${options[@]}"} "${files[@]}" </dev/null
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
  echo "e2e: screenshots, page sources and logs are in ${ARTIFACTS#"$ROOT"/}/" >&2
fi
exit "$rc"
