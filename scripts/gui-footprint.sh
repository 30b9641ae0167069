#!/usr/bin/env bash
# Measures the desktop app's footprint under Xvfb (issue 7's figures):
#  1. mining qfc-embed-small against the embedded devnet with the window open: peak RSS (VmHWM) after MINE_S seconds;
#  2. the app open but not mining (what "minimised, paused" costs at most: no tray host here): CPU share of one
#     core over IDLE_S seconds, from /proc/<pid>/stat.
# Usage: scripts/gui-footprint.sh [MINE_S=60] [IDLE_S=30]
set -euo pipefail
cd "$(dirname "$0")/.."
mine_s=${1:-60}
idle_s=${2:-30}
command -v xvfb-run >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null; }
./qfc-desktop-miner --version >/dev/null
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1

run() { # args settings-json -> prints "pid tmpdir"
  local tmp; tmp=$(mktemp -d)
  mkdir -p "$tmp/config"
  printf '%s\n' "$2" > "$tmp/config/settings.json"
  # the launcher itself (its JVM options and MALLOC_ARENA_MAX; it execs java, so $! is the JVM)
  DISPLAY=$display QFC_CONFIG_DIR="$tmp/config" QFC_DATA_DIR="$tmp/data" \
    QFC_MODEL_DIR="${QFC_MODEL_DIR:-$HOME/.cache/qfc-models}" QFC_JAVA_OPTS="-Dprism.order=sw ${QFC_JAVA_OPTS:-}" \
    ./qfc-desktop-miner $1 >"$tmp/app.log" 2>&1 &
  echo "$! $tmp"
}

echo "== mining with the window open (${mine_s}s) =="
read -r pid tmp < <(run "--devnet" '{"firstRunDone":true,"network":"DEVNET","cpuCapPercent":100}')
sleep "$mine_s"
grep -E 'VmHWM|VmRSS' "/proc/$pid/status"
kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"

echo "== open, not mining (${idle_s}s after a 20 s settle) =="
read -r pid tmp < <(run "" '{"firstRunDone":true,"network":"DEVNET"}')
sleep 20
t0=$(cpu_ticks "$pid"); sleep "$idle_s"; t1=$(cpu_ticks "$pid")
awk -v d=$((t1 - t0)) -v hz="$hz" -v s="$idle_s" 'BEGIN { printf "CPU: %.2f%% of one core over %d s\n", 100 * d / hz / s, s }'
grep -E 'VmRSS' "/proc/$pid/status"
kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"
