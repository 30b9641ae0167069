#!/bin/sh
# CPU-cap benchmark (issue 8): runs the headless miner against an in-process devnet with --cpu-cap, measures the
# miner process's CPU use over a window from /proc/<pid>/stat and prints it with the proofs produced.
#
#   scripts/cpu-cap-bench.sh [CAP_PERCENT=50] [WINDOW_SECONDS=30] [LIMIT_PERCENT=60] [MINER FLAGS...]
#
# Extra flags go to `mine`, e.g. --no-yield-to-user: on a machine others use, the yield-to-user rule (on by
# default) throttles and pauses the miner for their load, and the window then measures that, not the cap alone.
#
# Runs:  ./qfc-desktop-miner mine --devnet --cpu-cap CAP --json --duration (warm-up + WINDOW + 10) --data-dir TMP
# (a throw-away data folder: the bench's devnet key and journal never mix with the user's).
# The devnet runs in the same process and re-executes spot-checked proofs: its CPU counts as the miner's here.
# Share of the machine = (utime + stime ticks at the end - at the start) / CLK_TCK / (WINDOW * nproc).
# The window starts at the first "proof" event (model loaded, JIT warm; at most WARMUP_MAX_SECONDS, default 180 s,
# after start), so JVM start-up and model loading are not counted. Linux only (/proc).
# Exit status: 0 when the share is under LIMIT_PERCENT and proofs were produced in the window, 1 otherwise.
# Environment: QFC_MINER (default ./qfc-desktop-miner at the repository root), WARMUP_MAX_SECONDS.
set -eu

CAP=${1:-50}
WINDOW=${2:-30}
LIMIT=${3:-60}
[ $# -ge 3 ] && shift 3 || shift $#
WARMUP_MAX=${WARMUP_MAX_SECONDS:-180}
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
MINER=${QFC_MINER:-"$ROOT/qfc-desktop-miner"}

[ -r /proc/self/stat ] || { echo "cpu-cap-bench: needs Linux /proc" >&2; exit 2; }
CORES=$(nproc)
HZ=$(getconf CLK_TCK)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/qfc-cpu-bench.XXXXXX")
EVENTS="$WORK/events.jsonl"
PID=
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# utime + stime (fields 14 and 15) of a process, all its threads included; the name field may hold spaces
cpu_ticks() {
  sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}
# proof events in a copy of the event stream: "<all> <accepted>"
proof_counts() {
  cp "$EVENTS" "$WORK/snapshot" 2>/dev/null || : >"$WORK/snapshot"
  all=$(grep -c '"event":"proof"' "$WORK/snapshot") || true
  ok=$(grep '"event":"proof"' "$WORK/snapshot" | grep -c '"accepted":true') || true
  echo "${all:-0} ${ok:-0}"
}
proofs() {
  proof_counts | cut -d' ' -f1
}

DURATION=$((WARMUP_MAX + WINDOW + 10))
"$MINER" mine --devnet --cpu-cap "$CAP" --json --duration "$DURATION" --data-dir "$WORK/data" "$@" \
  >"$EVENTS" 2>"$WORK/stderr.log" &
PID=$!

# the launcher may build first, then execs java under the same pid
waited=0
until [ "$(proofs)" -gt 0 ] || [ "$waited" -ge "$WARMUP_MAX" ]; do
  kill -0 "$PID" 2>/dev/null || { echo "cpu-cap-bench: the miner stopped before its first proof:" >&2;
                                  tail -n 20 "$WORK/stderr.log" >&2; exit 1; }
  sleep 1
  waited=$((waited + 1))
done
[ "$(proofs)" -gt 0 ] || echo "cpu-cap-bench: no proof after ${WARMUP_MAX} s; measuring anyway" >&2

set -- $(proof_counts); p0=$1; a0=$2; t0=$(cpu_ticks "$PID"); s0=$(date +%s%N)
load0=$(cut -d' ' -f1-3 /proc/loadavg)
sleep "$WINDOW"
kill -0 "$PID" 2>/dev/null || { echo "cpu-cap-bench: the miner stopped during the window" >&2; exit 1; }
set -- $(proof_counts); p1=$1; a1=$2; t1=$(cpu_ticks "$PID"); s1=$(date +%s%N)
load1=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average (1, 5, 15 min) at the window's start: $load0; at its end: $load1"
grep -o '"event":"\(throttled\|paused\|resumed\)"[^}]*' "$EVENTS" | sed 's/^/governor: /' | head -n 12 || true
awk -v t0="$t0" -v t1="$t1" -v hz="$HZ" -v s0="$s0" -v s1="$s1" -v n="$CORES" -v cap="$CAP" -v limit="$LIMIT" \
    -v p="$((p1 - p0))" -v a="$((a1 - a0))" -v total="$p1" 'BEGIN {
  secs = (s1 - s0) / 1e9
  share = (t1 - t0) / hz / (secs * n) * 100
  printf "cpu-cap %d%%: miner process used %.1f%% of the machine over %.1f s (%d logical cores, %.1f CPU-seconds)\n",
         cap, share, secs, n, (t1 - t0) / hz
  printf "proofs in the window: %d (%d accepted); proofs in all: %d\n", p, a, total
  under = (share < limit); produced = (p > 0)
  verdict = (under && produced) ? "PASS" : "FAIL"
  printf "%s: share %s %d%% and %s\n", verdict, (under ? "under" : "NOT under"), limit,
         (produced ? "proofs produced" : "NO proofs produced")
  exit (verdict == "PASS") ? 0 : 1
}'
