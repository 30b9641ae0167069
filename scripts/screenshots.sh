#!/usr/bin/env bash
# Takes the README's screenshots of the real app: under Xvfb, mining against the embedded devnet with the real
# model, once with the light theme and once with the dark one. Needs xvfb and imagemagick (installed if missing).
# Usage: scripts/screenshots.sh [SECONDS_TO_MINE_FIRST]   (default 40)
#        scripts/screenshots.sh --scale 2 [SECONDS]        every page and first-run setup at 200 % on a 1920x1080
#          screen (-Dglass.gtk.uiScale=2, GDK_SCALE=2), switching pages with the app's own Ctrl+1..5 keys (xdotool);
#          writes app/target/screenshots-scale2/*.png and docs/screenshots/dashboard-200.png
set -euo pipefail
cd "$(dirname "$0")/.."
scale=
if [ "${1:-}" = "--scale" ]; then
  scale=${2:?--scale needs a factor, e.g. --scale 2}
  shift 2
fi
wait_s=${1:-40}
need=()
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
command -v import >/dev/null || need+=(imagemagick)
[ -z "$scale" ] || command -v xdotool >/dev/null || need+=(xdotool)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
./qfc-desktop-miner --version >/dev/null   # builds on first use
out=docs/screenshots
mkdir -p "$out"

if [ -n "$scale" ]; then
  pages="app/target/screenshots-scale$scale"
  mkdir -p "$pages"
  tmp=$(mktemp -d)
  mkdir -p "$tmp/config" "$tmp/fresh"
  printf '{"firstRunDone":true,"network":"DEVNET","theme":"LIGHT","cpuCapPercent":100,"closeToTray":false}\n' > "$tmp/config/settings.json"
  # the screen a 200 % user has: 1920x1080 pixels, i.e. 960x540 logical at 2x
  QFC_DATA_DIR="$tmp/data" QFC_MODEL_DIR="${QFC_MODEL_DIR:-$tmp/models}" GDK_SCALE=$scale \
  QFC_JAVA_OPTS="-Dprism.order=sw -Dglass.gtk.uiScale=$scale" \
    xvfb-run -a -s "-screen 0 1920x1080x24" sh -c "
      QFC_CONFIG_DIR='$tmp/fresh' ./qfc-desktop-miner >'$tmp/first-run.log' 2>&1 & app=\$!
      sleep 12
      import -window root '$pages/first-run.png'
      kill \$app; wait \$app 2>/dev/null || true
      QFC_CONFIG_DIR='$tmp/config' ./qfc-desktop-miner --devnet >'$tmp/app.log' 2>&1 & app=\$!
      sleep $wait_s
      xdotool search --sync --name 'QFC Desktop Miner' windowfocus --sync 2>/dev/null || true
      n=1
      for page in dashboard models hardware settings logs; do
        xdotool key ctrl+\$n; n=\$((n + 1)); sleep 3
        import -window root '$pages/'\$page.png
      done
      xdotool key ctrl+1; sleep 2
      import -window root '$out/dashboard-200.png'
      kill \$app; wait \$app 2>/dev/null || true"
  echo "wrote $pages/{first-run,dashboard,models,hardware,settings,logs}.png and $out/dashboard-200.png"
  rm -rf "$tmp"
  exit 0
fi
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
