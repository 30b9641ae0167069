#!/usr/bin/env bash
# Takes the README's screenshots of the real app: under Xvfb, mining against the embedded devnet with the real
# model, once with the light theme and once with the dark one. Needs xvfb and imagemagick (installed if missing).
# Usage: scripts/screenshots.sh [SECONDS_TO_MINE_FIRST]   (default 40)
set -euo pipefail
cd "$(dirname "$0")/.."
wait_s=${1:-40}
need=()
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
command -v import >/dev/null || need+=(imagemagick)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
./qfc-desktop-miner --version >/dev/null   # builds on first use
out=docs/screenshots
mkdir -p "$out"
for theme in LIGHT DARK; do
  tmp=$(mktemp -d)
  mkdir -p "$tmp/config"
  printf '{"firstRunDone":true,"network":"DEVNET","theme":"%s","cpuCapPercent":100,"closeToTray":false}\n' "$theme" > "$tmp/config/settings.json"
  name=$(echo "$theme" | tr 'A-Z' 'a-z')
  QFC_CONFIG_DIR="$tmp/config" QFC_DATA_DIR="$tmp/data" QFC_MODEL_DIR="${QFC_MODEL_DIR:-$tmp/models}" \
  QFC_JAVA_OPTS="-Dprism.order=sw" \
    xvfb-run -a -s "-screen 0 1280x1000x24" sh -c "
      ./qfc-desktop-miner --devnet >'$tmp/app.log' 2>&1 & app=\$!
      sleep $wait_s
      import -window root '$out/dashboard-$name.png'
      kill \$app; wait \$app 2>/dev/null || true"
  echo "wrote $out/dashboard-$name.png"
  rm -rf "$tmp"
done
