#!/usr/bin/env bash
# End-to-end tests of the real desktop app: a virtual X display, tauri-driver over WebKitWebDriver,
# then every tests/*.test.mjs with Node's test runner, one app session at a time.
# Builds nothing: `make e2e` builds the app first (target/debug/outpost, UI embedded).
#
#   tests/e2e/run.sh                          all tests
#   tests/e2e/run.sh tests/search.test.mjs    some files
#   tests/e2e/run.sh --test-name-pattern=undo tests whose name matches
#
# Environment: OUTPOST_APP / OUTPOST_CRM (binaries, default target/debug/{outpost,crm}),
# E2E_TIMEOUT_MS (how long to wait for an element, default 10000),
# E2E_HEADED=1 (use the current $DISPLAY instead of a virtual one, to watch the tests).
# A failed test leaves a screenshot and the page source in tests/e2e/artifacts/, beside the logs.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"

APP=${OUTPOST_APP:-$ROOT/target/debug/outpost}
CRM=${OUTPOST_CRM:-$ROOT/target/debug/crm}
NATIVE_DRIVER=${WEBKIT_WEBDRIVER:-/usr/bin/WebKitWebDriver}
ARTIFACTS=$HERE/artifacts

fail() { echo "e2e: $*" >&2; exit 1; }

# --- What the run needs --------------------------------------------------------------------------
[ -x "$APP" ] || fail "no app binary at $APP: build it with 'make app'"
[ -x "$CRM" ] || fail "no crm binary at $CRM: build it with 'make app'"
command -v tauri-driver >/dev/null || fail "tauri-driver is missing: run scripts/deps.sh"
[ -x "$NATIVE_DRIVER" ] || fail "WebKitWebDriver is missing at $NATIVE_DRIVER: run scripts/deps.sh"
command -v node >/dev/null || fail "Node.js is missing"
if [ "${E2E_HEADED:-}" != 1 ]; then
  command -v Xvfb >/dev/null || fail "Xvfb is missing: run scripts/deps.sh"
fi
if [ ! -d "$HERE/node_modules" ] || [ "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- Everything started here is stopped on exit, by pid -----------------------------------------
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/outpost-e2e.XXXXXX")
XVFB_PID=""
DBUS_PID=""
DRIVER_PID=""

stop() { # pid [process group]: TERM, a grace period, then KILL
  local pid=$1 group=${2:-} target
  [ -n "$pid" ] || return 0
  target=$pid
  [ -n "$group" ] && target=-$pid
  kill -TERM -- "$target" 2>/dev/null || return 0
  for _ in $(seq 30); do
    kill -0 -- "$target" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "$target" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # tauri-driver leads its own process group: WebKitWebDriver and any app it launched go with it.
  stop "$DRIVER_PID" group
  stop "$DBUS_PID"
  stop "$XVFB_PID"
  rm -rf "$RUN_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS" "$RUN_DIR/home"
chmod 700 "$RUN_DIR/home"

# The driver and the apps it starts never see the user's own home, data or settings.
export HOME=$RUN_DIR/home
export XDG_DATA_HOME=$HOME/.local/share XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache
export XDG_RUNTIME_DIR=$HOME/runtime
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export NO_AT_BRIDGE=1 # no accessibility bus in a headless run
unset CRM_DB

# --- A virtual display on the first free number -------------------------------------------------
if [ "${E2E_HEADED:-}" = 1 ]; then
  [ -n "${DISPLAY:-}" ] || fail "E2E_HEADED=1 needs a DISPLAY"
else
  for n in $(seq 99 199); do
    { [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; } && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$ARTIFACTS/xvfb.log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 100); do
      [ -S "/tmp/.X11-unix/X$n" ] && break
      kill -0 "$XVFB_PID" 2>/dev/null || break
      sleep 0.05
    done
    if [ -S "/tmp/.X11-unix/X$n" ] && kill -0 "$XVFB_PID" 2>/dev/null; then
      export DISPLAY=":$n"
      break
    fi
    wait "$XVFB_PID" 2>/dev/null || true # lost a race for this number: try the next
    XVFB_PID=""
  done
  [ -n "$XVFB_PID" ] || fail "could not start Xvfb (see $ARTIFACTS/xvfb.log)"
fi

# --- A private session bus, when D-Bus is installed ---------------------------------------------
# Without one, GTK would autolaunch a bus that outlives the run. It starts no services (no desktop
# portals): the app needs none.
if command -v dbus-daemon >/dev/null; then
  cat >"$RUN_DIR/dbus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$RUN_DIR</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
  dbus-daemon --config-file="$RUN_DIR/dbus.conf" --nofork --nopidfile --print-address=3 \
    3>"$RUN_DIR/dbus-address" >"$ARTIFACTS/dbus.log" 2>&1 &
  DBUS_PID=$!
  for _ in $(seq 100); do
    [ -s "$RUN_DIR/dbus-address" ] && break
    kill -0 "$DBUS_PID" 2>/dev/null || break
    sleep 0.05
  done
  if [ -s "$RUN_DIR/dbus-address" ]; then
    DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$RUN_DIR/dbus-address")
    export DBUS_SESSION_BUS_ADDRESS
  else
    echo "e2e: no private D-Bus session (see $ARTIFACTS/dbus.log); going on without it" >&2
    stop "$DBUS_PID"
    DBUS_PID=""
  fi
fi

# --- tauri-driver on free ports -----------------------------------------------------------------
read -r PORT NATIVE_PORT < <(node -e '
  const net = require("node:net");
  const one = () => new Promise((ok) => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
  (async () => { const a = await one(); let b = await one(); while (b === a) b = await one(); console.log(a, b); })();
')
(cd "$RUN_DIR" && exec setsid tauri-driver --port "$PORT" --native-port "$NATIVE_PORT" \
  --native-driver "$NATIVE_DRIVER") >"$ARTIFACTS/tauri-driver.log" 2>&1 &
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

cd "$HERE"
set +e
node --test --test-concurrency=1 --test-force-exit --test-reporter=./lib/reporter.mjs \
  ${options[@]+"${options[@]}"} "${files[@]}"
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
  echo "e2e: screenshots, page sources and logs are in $ARTIFACTS" >&2
fi
exit "$rc"
