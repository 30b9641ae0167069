#!/usr/bin/env bash
# The README's tray screenshot: the real app docked as a StatusNotifierItem in XFCE's panel (xfce4-panel 4.18, whose
# systray plugin is also the session's org.kde.StatusNotifierWatcher), under Xvfb, on a private D-Bus session bus,
# mining against the embedded devnet. Takes docs/screenshots/tray-sni.png (the screen) and tray-sni-menu.png (the
# item's D-Bus menu open, drawn by the panel). Needs xvfb, xdotool, imagemagick, dbus and xfce4-panel: installed if
# missing. Not run by CI (xfce4-panel is a big package); run it by hand.
# Usage: scripts/tray-screenshot.sh [SECONDS_TO_MINE_FIRST]   (default 40)
set -euo pipefail
cd "$(dirname "$0")/.."
wait_s=${1:-40}
need=()
for pkg in xvfb xauth xdotool imagemagick dbus xfce4-panel; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
./qfc-desktop-miner --version >/dev/null   # builds on first use
out=docs/screenshots
mkdir -p "$out"
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# one panel at the top: the applications menu, a spacer, the tray (StatusNotifierItems and XEmbed icons), a clock
mkdir -p "$tmp/xdg/xfce4/xfconf/xfce-perchannel-xml" "$tmp/config" "$tmp/data"
cat > "$tmp/xdg/xfce4/xfconf/xfce-perchannel-xml/xfce4-panel.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<channel name="xfce4-panel" version="1.0">
  <property name="configver" type="int" value="2"/>
  <property name="panels" type="array">
    <value type="int" value="1"/>
    <property name="panel-1" type="empty">
      <property name="position" type="string" value="p=6;x=0;y=0"/>
      <property name="length" type="uint" value="100"/>
      <property name="position-locked" type="bool" value="true"/>
      <property name="size" type="uint" value="40"/>
      <property name="icon-size" type="uint" value="32"/>
      <property name="plugin-ids" type="array">
        <value type="int" value="1"/>
        <value type="int" value="2"/>
        <value type="int" value="3"/>
        <value type="int" value="4"/>
      </property>
    </property>
  </property>
  <property name="plugins" type="empty">
    <property name="plugin-1" type="string" value="applicationsmenu"/>
    <property name="plugin-2" type="string" value="separator">
      <property name="expand" type="bool" value="true"/>
      <property name="style" type="uint" value="0"/>
    </property>
    <property name="plugin-3" type="string" value="systray">
      <property name="square-icons" type="bool" value="true"/>
      <property name="icon-size" type="int" value="32"/>
    </property>
    <property name="plugin-4" type="string" value="clock"/>
  </property>
</channel>
XML
# keep mining when the machine is busy (other builds): the icon shows "mining", not "paused for other programs"
printf '{"firstRunDone":true,"network":"DEVNET","theme":"LIGHT","cpuCapPercent":100,"keepMiningWhenBusy":true}\n' > "$tmp/config/settings.json"

export XDG_CONFIG_HOME="$tmp/xdg"   # before the bus: the panel's settings daemon (xfconfd) is started by it
unset WAYLAND_DISPLAY
Xvfb -displayfd 3 -nolisten tcp -noreset -screen 0 1280x860x24 3>"$tmp/display" 2>/dev/null & pids+=($!)
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.2; done
export DISPLAY=":$(cat "$tmp/display")"
dbus-daemon --session --nofork --nopidfile --print-address=1 >"$tmp/bus" 2>/dev/null & pids+=($!)
for _ in $(seq 50); do [ -s "$tmp/bus" ] && break; sleep 0.2; done
export DBUS_SESSION_BUS_ADDRESS="$(head -1 "$tmp/bus")"
# a dark panel, as most Linux desktops have and as the app's Linux tray icons (light glyphs) are drawn for
GTK_THEME=Adwaita:dark xfce4-panel >"$tmp/panel.log" 2>&1 & pids+=($!)
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.kde.StatusNotifierWatcher 2>/dev/null | grep -q 'boolean true' && break
  sleep 0.2
done
QFC_CONFIG_DIR="$tmp/config" QFC_DATA_DIR="$tmp/data" QFC_MODEL_DIR="${QFC_MODEL_DIR:-$tmp/models}" \
QFC_JAVA_OPTS="-Dprism.order=sw" ./qfc-desktop-miner --devnet >"$tmp/app.log" 2>&1 & pids+=($!)
sleep "$wait_s"
grep -h 'tray:' "$tmp/data/logs/"*.log 2>/dev/null | tail -2 || true
# no window manager: put the window below the panel, leaving the panel's right end (the tray) in view
app=$(xdotool search --onlyvisible --name '^QFC Desktop Miner$' 2>/dev/null | head -1 || true)
[ -z "$app" ] || xdotool windowmove "$app" 40 60 windowsize "$app" 1100 780 || true
sleep 3
import -window root "$out/tray-sni.png"
# the tray icon: the coloured pixels of the panel's strip (the panel and its text are grey)
convert "$out/tray-sni.png" -crop 1280x40+0+0 +repage "$tmp/panel.png"
found=$(convert "$tmp/panel.png" -colorspace HSL -channel G -separate +channel -threshold 45% txt:- \
  | awk -F'[,:]' '/#FFFFFF|white/ && $1 > 200 {x += $1; y += $2; n++} END {if (n) printf "%d %d", x / n, y / n}' || true)
read -r ix iy <<<"${found:-1200 20}"
echo "tray icon at $ix,$iy"
# a zoomed view of the panel's right end, where the icon is
convert "$out/tray-sni.png" -crop 420x40+860+0 +repage -scale 300% "$out/tray-sni-panel.png"
echo "wrote $out/tray-sni.png and $out/tray-sni-panel.png"
# the item's menu, drawn by the panel from the app's D-Bus menu: a right click on the icon
xdotool mousemove --sync "$ix" "$iy" click 3
sleep 1
xdotool mousemove --sync $((ix - 120)) $((iy + 62))   # onto "Stop mining": the tooltip goes, the item lights up
sleep 1
import -window root "$out/tray-sni-menu.png"
echo "wrote $out/tray-sni-menu.png"
xdotool key Escape
