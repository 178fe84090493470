#!/usr/bin/env bash
# App start to the first painted contacts list, on a database of N demo contacts: the app runs
# under a virtual display with OUTPOST_BENCH_FIRST_PAINT=1 (it opens Contacts, prints
# first_paint_ms=N once the list is painted, and exits), 5 times; prints the median as a row of the
# performance table. Uses the release binaries when they exist (`make bench-startup` builds them),
# else the debug ones.
#
#   scripts/bench-startup.sh 1000000
#
# Environment: BENCH_RUNS (default 5), BENCH_TIMEOUT (seconds per start, default 120),
# OUTPOST_APP / OUTPOST_CRM (other binaries).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../tests/e2e/lib/headless.sh
. "$ROOT/tests/e2e/lib/headless.sh"

N=${1:-}
[[ "$N" =~ ^[0-9]+$ ]] || {
  echo "usage: scripts/bench-startup.sh CONTACTS" >&2
  exit 2
}
RUNS=${BENCH_RUNS:-5}
LIMIT=${BENCH_TIMEOUT:-120}

pick() { # the release build of a binary if there is one, else the debug build
  if [ -x "$ROOT/target/release/$1" ]; then
    echo "$ROOT/target/release/$1"
  elif [ -x "$ROOT/target/debug/$1" ]; then
    echo "$ROOT/target/debug/$1"
  else
    echo "bench-startup: no $1 binary in target/release or target/debug: build it first" >&2
    exit 1
  fi
}
CRM=${OUTPOST_CRM:-$(pick crm)}
APP=${OUTPOST_APP:-$(pick outpost)}
case $APP in */debug/*) echo "bench-startup: $APP is a debug build; the numbers are not representative" >&2 ;; esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/outpost-bench.XXXXXX")
APP_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  headless_stop "$APP_PID"
  headless_stop "$DBUS_PID"
  headless_stop "$XVFB_PID"
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

headless_home "$WORK/home"
unset CRM_DB
DB=$WORK/outpost.db
started=$(date +%s)
"$CRM" --db "$DB" demo --contacts "$N" --seed 1 >/dev/null
echo "bench-startup: $N demo contacts written in $(($(date +%s) - started)) s with $CRM" >&2
# Flush the freshly written database to disk first, so the starts do not compete with its write-back.
sync

headless_display "$WORK/xvfb.log"
headless_bus "$WORK" "$WORK/dbus.log"

times=()
for run in $(seq "$RUNS"); do
  OUTPOST_BENCH_FIRST_PAINT=1 "$APP" --db "$DB" >"$WORK/run.out" 2>"$WORK/run.err" </dev/null &
  APP_PID=$!
  for _ in $(seq $((LIMIT * 20))); do
    headless_running "$APP_PID" || break
    sleep 0.05
  done
  if headless_running "$APP_PID"; then
    headless_stop "$APP_PID"
    APP_PID=""
    echo "bench-startup: run $run did not report a first paint within $LIMIT s" >&2
    tail -n 20 "$WORK/run.err" >&2
    exit 1
  fi
  wait "$APP_PID" || true
  APP_PID=""
  ms=$(sed -n 's/^first_paint_ms=\([0-9][0-9]*\)$/\1/p' "$WORK/run.out" | head -n1)
  if [ -z "$ms" ]; then
    echo "bench-startup: run $run printed no first_paint_ms" >&2
    tail -n 20 "$WORK/run.out" "$WORK/run.err" >&2
    exit 1
  fi
  echo "bench-startup: run $run: $ms ms" >&2
  times+=("$ms")
done

median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}')
contacts=$(printf '%s' "$N" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta')
echo "| app start to first painted list ($contacts contacts), median of $RUNS | $median ms | < 1000 ms |"
