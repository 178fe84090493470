# Shell functions to run the desktop app without a desktop: a virtual X display, a private D-Bus
# session bus, and a throwaway home. Sourced by tests/e2e/run.sh and scripts/bench-startup.sh.
# Each start function records the pid it started (XVFB_PID, DBUS_PID); stop them with
# `headless_stop PID`. Nothing else is ever signalled.

XVFB_PID=""
DBUS_PID=""

# headless_running PID [group]: whether the process (or any process of its group) still runs;
# zombies waiting to be reaped do not count.
headless_running() {
  local pid=$1 group=${2:-} file stat fields
  if [ ! -d /proc/self ]; then
    if [ "$group" = group ]; then kill -0 -- "-$pid" 2>/dev/null; else kill -0 "$pid" 2>/dev/null; fi
    return
  fi
  if [ "$group" != group ]; then
    { read -r stat <"/proc/$pid/stat"; } 2>/dev/null || return 1
    fields=${stat##*) }
    [ "${fields%% *}" != Z ]
    return
  fi
  for file in /proc/[0-9]*/stat; do
    { read -r stat <"$file"; } 2>/dev/null || continue
    # After the command name: state, parent, process group, ...
    read -r -a fields <<<"${stat##*) }"
    [ "${fields[2]}" = "$pid" ] && [ "${fields[0]}" != Z ] && return 0
  done
  return 1
}

# headless_stop PID [group]: TERM (to its whole process group with "group"), up to 3 s to end,
# then KILL.
headless_stop() {
  local pid=${1:-} group=${2:-} target
  [ -n "$pid" ] || return 0
  target=$pid
  [ "$group" = group ] && target=-$pid
  if kill -TERM -- "$target" 2>/dev/null; then
    for _ in $(seq 60); do
      headless_running "$pid" "$group" || break
      sleep 0.05
    done
    kill -KILL -- "$target" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# headless_home DIR: HOME and the XDG directories in DIR, so nothing touches the user's own.
headless_home() {
  local dir=$1
  mkdir -p "$dir"
  chmod 700 "$dir"
  export HOME=$dir
  export XDG_DATA_HOME=$dir/.local/share XDG_CONFIG_HOME=$dir/.config XDG_CACHE_HOME=$dir/.cache
  export XDG_RUNTIME_DIR=$dir/runtime
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  export NO_AT_BRIDGE=1 # no accessibility bus
}

# headless_display LOG: Xvfb on the first free display number from :99; exports DISPLAY (and
# WEBKIT_DISABLE_DMABUF_RENDERER, see below).
headless_display() {
  local log=$1 n
  command -v Xvfb >/dev/null || { echo "Xvfb is missing: run scripts/deps.sh" >&2; return 1; }
  for n in $(seq 99 199); do
    { [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; } && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 100); do
      [ -S "/tmp/.X11-unix/X$n" ] && break
      kill -0 "$XVFB_PID" 2>/dev/null || break
      sleep 0.05
    done
    if [ -S "/tmp/.X11-unix/X$n" ] && kill -0 "$XVFB_PID" 2>/dev/null; then
      export DISPLAY=":$n"
      # On Xvfb, WebKitGTK's DMA-BUF renderer often stops painting a new window after its first
      # frame (the DOM lives on, screenshots and animation frames do not): use its fallback.
      export WEBKIT_DISABLE_DMABUF_RENDERER=1
      return 0
    fi
    headless_stop "$XVFB_PID" # lost a race for this number: try the next
    XVFB_PID=""
  done
  echo "could not start Xvfb (see $log)" >&2
  return 1
}

# headless_bus DIR LOG: a private session bus with its socket in DIR; exports
# DBUS_SESSION_BUS_ADDRESS. Without one, GTK would autolaunch a bus that outlives the run. It
# activates no services (no desktop portals): the app needs none. Skipped without dbus-daemon.
headless_bus() {
  local dir=$1 log=$2
  command -v dbus-daemon >/dev/null || return 0
  cat >"$dir/dbus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$dir</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
  : >"$dir/dbus-address"
  dbus-daemon --config-file="$dir/dbus.conf" --nofork --nopidfile --print-address=3 \
    3>"$dir/dbus-address" >"$log" 2>&1 &
  DBUS_PID=$!
  for _ in $(seq 100); do
    [ -s "$dir/dbus-address" ] && break
    kill -0 "$DBUS_PID" 2>/dev/null || break
    sleep 0.05
  done
  if [ -s "$dir/dbus-address" ]; then
    DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$dir/dbus-address")
    export DBUS_SESSION_BUS_ADDRESS
  else
    echo "no private D-Bus session (see $log); going on without it" >&2
    headless_stop "$DBUS_PID"
    DBUS_PID=""
  fi
}
