#!/usr/bin/env bash
# Redraws every raster icon from the SVG sources in icons/src/ (run it after editing an SVG, then commit the results:
# builds and installers use the committed files and need no generator).
#
#   icons/src/app-icon.svg            -> icons/png/app-<16..1024>.png, icons/linux/qfc-desktop-miner.png (512),
#                                        icons/windows/qfc-desktop-miner.ico, icons/macos/qfc-desktop-miner.icns
#   icons/src/tray/<state>-<v>.svg    -> icons/tray/<state>-<v>-<size>.png and <state>-<v>-<size>@2x.png
#                                        (states idle mining paused error; v = light: dark glyph for light panels,
#                                        dark: light glyph for dark panels; sizes 16 22 24 32 48)
# and copies what the app loads at run time into app/src/main/resources/network/qfc/miner/app/desktop/
# (icons/app-<16..512>.png, tray/icons/<state>-<v>-<size>[@2x].png).
#
# Tools: rsvg-convert (librsvg2-bin), ImageMagick's convert (imagemagick), png2icns (icnsutils); installed with
# apt-get when missing (Debian/Ubuntu, as root).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)

need=()
for pkg in librsvg2-bin imagemagick icnsutils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "icons: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
CONVERT=/usr/bin/convert   # ImageMagick itself (not a stand-in earlier on PATH)

APP_SIZES=(16 24 32 48 64 128 256 512 1024)
TRAY_SIZES=(16 22 24 32 48)
STATES=(idle mining paused error)
VARIANTS=(light dark)

rm -rf png tray linux windows macos
mkdir -p png tray linux windows macos

svg() { # source size output
  rsvg-convert --keep-aspect-ratio -w "$2" -h "$2" "$1" -o "$3"
}

# the app icon
for s in "${APP_SIZES[@]}"; do
  svg src/app-icon.svg "$s" "png/app-$s.png"
done
cp png/app-512.png linux/qfc-desktop-miner.png
"$CONVERT" png/app-16.png png/app-24.png png/app-32.png png/app-48.png png/app-64.png png/app-128.png png/app-256.png \
  windows/qfc-desktop-miner.ico
png2icns macos/qfc-desktop-miner.icns png/app-16.png png/app-32.png png/app-48.png png/app-128.png png/app-256.png \
  png/app-512.png png/app-1024.png >/dev/null

# tray icons
for st in "${STATES[@]}"; do
  for v in "${VARIANTS[@]}"; do
    for s in "${TRAY_SIZES[@]}"; do
      svg "src/tray/$st-$v.svg" "$s" "tray/$st-$v-$s.png"
      svg "src/tray/$st-$v.svg" $((s * 2)) "tray/$st-$v-$s@2x.png"
    done
  done
done

# what the app loads from its class path
RES="$ROOT/app/src/main/resources/network/qfc/miner/app/desktop"
rm -rf "$RES/icons" "$RES/tray/icons"
mkdir -p "$RES/icons" "$RES/tray/icons"
for s in 16 24 32 48 64 128 256 512; do
  cp "png/app-$s.png" "$RES/icons/app-$s.png"
done
cp tray/*.png "$RES/tray/icons/"

echo "icons: $(ls png | wc -l) app PNGs, $(ls tray | wc -l) tray PNGs, .ico $(stat -c %s windows/qfc-desktop-miner.ico) B," \
  ".icns $(stat -c %s macos/qfc-desktop-miner.icns) B"
