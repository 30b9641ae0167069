#!/usr/bin/env bash
# Builds the Linux packages of QFC Desktop Miner with jlink + jpackage:
#   target/installer/dist/qfc-desktop-miner/          the app-image (bin/qfc-desktop-miner, lib/runtime, lib/app)
#   target/installer/dist/qfc-desktop-miner_<v>_<arch>.deb   and .rpm when `rpm` is installed
#
#   installers/linux/package.sh [--skip-build] [--image-only]
#
# Steps: mvn package (unless --skip-build and app/target is there), the shared staging step (Stage.java: jars without
# other platforms' natives, JavaFX jmods, module list), jlink a trimmed runtime, jpackage app-image, then .deb/.rpm
# from that image. The runtime is not compressed by jlink (JLINK_COMPRESS=0 by default): the .deb's xz does
# it better (.deb 137 MB instead of 158 MB; installed 247 MB instead of 200 MB). Needs a full JDK 17+ (jlink, jpackage),
# for .deb: binutils (objcopy), fakeroot, dpkg-deb; for .rpm: rpmbuild (Debian package `rpm`).
#
# Both packages install the app-image to /opt/qfc-desktop-miner and integrate it: /usr/bin/qfc-desktop-miner (a link
# to the launcher), /usr/share/applications/qfc-desktop-miner.desktop, the hicolor icons, the man page and bash/zsh
# completion; their removal scripts delete the start-at-login entries the app wrote (resources/postrm, the spec).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

SKIP_BUILD=0
IMAGE_ONLY=0
for a in "$@"; do
  case "$a" in
    --skip-build) SKIP_BUILD=1 ;;
    --image-only) IMAGE_ONLY=1 ;;
    *) echo "usage: $0 [--skip-build] [--image-only]" >&2; exit 2 ;;
  esac
done

case "$(uname -m)" in
  x86_64|amd64) TARGET=linux-x64 ;;
  aarch64|arm64) TARGET=linux-aarch64 ;;
  *) echo "package: unsupported CPU $(uname -m)" >&2; exit 1 ;;
esac

JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
for tool in jlink jpackage; do
  [ -x "$JAVA_HOME/bin/$tool" ] || { echo "package: $JAVA_HOME/bin/$tool is missing: a full JDK 17+ is needed" >&2; exit 1; }
done
VERSION=$(sed -n 's:.*<version>\([0-9][^<]*\)</version>.*:\1:p' pom.xml | sed -n 1p)
VERSION_NUM=${VERSION%%-*}   # jpackage wants digits and dots

STAGE="$ROOT/target/installer/$TARGET"
DIST="$ROOT/target/installer/dist"
t() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(t)" 'BEGIN { printf "%.1f s", b - a }'; }

if [ "$SKIP_BUILD" = 0 ] || [ ! -f app/target/qfc-desktop-miner.jar ]; then
  s=$(t); mvn -B -ntp -q -DskipTests package -pl app -am; echo "package: maven build $(took "$s")"
fi

s=$(t); "$JAVA_HOME/bin/java" installers/common/Stage.java "$TARGET" app/target "$STAGE"; echo "package: staging $(took "$s")"

s=$(t)
rm -rf "$STAGE/runtime"
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$STAGE/jmods" --add-modules "$(cat "$STAGE/modules.txt")" \
  --strip-debug --no-header-files --no-man-pages --compress="${JLINK_COMPRESS:-0}" --output "$STAGE/runtime"
echo "package: jlink $(took "$s") ($(du -sm "$STAGE/runtime" | cut -f1) MB runtime)"

s=$(t)
rm -rf "$DIST/qfc-desktop-miner"
mkdir -p "$DIST"
"$JAVA_HOME/bin/jpackage" --type app-image @installers/common/jpackage.args @installers/linux/jpackage.args \
  --app-version "$VERSION_NUM" --input "$STAGE/input" --runtime-image "$STAGE/runtime" --dest "$DIST" \
  2> >(grep -v '^\(WARNING: Using incubator\|$\)' >&2)
echo "package: app-image $(took "$s") ($(du -sm "$DIST/qfc-desktop-miner" | cut -f1) MB) -> $DIST/qfc-desktop-miner"
[ "$IMAGE_ONLY" = 1 ] && exit 0

# The system integration both packages carry besides the app in /opt/qfc-desktop-miner (jpackage cannot place files
# outside it): the /usr/bin link, our desktop entry, the hicolor icons (every PNG size and the SVG), the man page and
# the shell completion written by the build (app/target/shell).
EXTRAS="$ROOT/target/installer/linux-extras"
make_extras() {  # $1: deb | rpm (zsh's completion folder differs)
  local zsh_dir=/usr/share/zsh/vendor-completions
  [ "$1" = rpm ] && zsh_dir=/usr/share/zsh/site-functions
  rm -rf "$EXTRAS"
  install -d "$EXTRAS/usr/bin" "$EXTRAS/usr/share/applications" "$EXTRAS/usr/share/man/man1" \
    "$EXTRAS/usr/share/bash-completion/completions" "$EXTRAS$zsh_dir" "$EXTRAS/usr/share/icons/hicolor/scalable/apps"
  ln -s /opt/qfc-desktop-miner/bin/qfc-desktop-miner "$EXTRAS/usr/bin/qfc-desktop-miner"
  sed "s/WMCLASS_PLACEHOLDER/$WM_CLASS/" installers/linux/qfc-desktop-miner.desktop \
    > "$EXTRAS/usr/share/applications/qfc-desktop-miner.desktop"
  for png in icons/png/app-*.png; do
    size=$(basename "$png" .png); size=${size#app-}
    install -D -m 644 "$png" "$EXTRAS/usr/share/icons/hicolor/${size}x${size}/apps/qfc-desktop-miner.png"
  done
  install -m 644 icons/src/app-icon.svg "$EXTRAS/usr/share/icons/hicolor/scalable/apps/qfc-desktop-miner.svg"
  gzip -9n < app/target/shell/qfc-desktop-miner.1 > "$EXTRAS/usr/share/man/man1/qfc-desktop-miner.1.gz"
  install -m 644 app/target/shell/qfc-desktop-miner.bash "$EXTRAS/usr/share/bash-completion/completions/qfc-desktop-miner"
  install -m 644 app/target/shell/_qfc-desktop-miner "$EXTRAS$zsh_dir/_qfc-desktop-miner"
  # Debian's place for the licence (jpackage puts it under /opt; the .rpm marks it %license itself)
  [ "$1" = deb ] && install -D -m 644 LICENSE "$EXTRAS/usr/share/doc/qfc-desktop-miner/copyright"
  chmod -R u=rwX,go=rX "$EXTRAS"
}
# the windows' WM_CLASS as GTK sets it for the packaged launcher: "qfc-desktop-miner", "Qfc-desktop-miner" (read with
# xprop on Xvfb); desktops match the entry's StartupWMClass against either part
WM_CLASS=qfc-desktop-miner
[ -f app/target/shell/qfc-desktop-miner.1 ] || { echo "package: app/target/shell is missing: run the Maven build" >&2; exit 1; }

# jpackage's resource templates (postrm, the rpm spec) with the extras' path filled in
RESOURCES="$ROOT/target/installer/linux-resources"
rm -rf "$RESOURCES"; mkdir -p "$RESOURCES"
cp installers/linux/resources/* "$RESOURCES/"
sed -i "s|EXTRAS_ROOT|$EXTRAS|" "$RESOURCES/qfc-desktop-miner.spec"

types=(deb)
command -v rpmbuild >/dev/null 2>&1 && types+=(rpm)
for type in "${types[@]}"; do
  s=$(t)
  rm -f "$DIST"/*."$type"
  make_extras "$type"
  # no --icon here (unlike the app-image): with one, jpackage adds its own menu entry through xdg-desktop-menu.
  # jpackage writes the .deb uncompressed (dpkg-deb honours DPKG_DEB_COMPRESSOR_TYPE): it is repacked below anyway
  DPKG_DEB_COMPRESSOR_TYPE=none "$JAVA_HOME/bin/jpackage" --type "$type" --app-image "$DIST/qfc-desktop-miner" \
    --name qfc-desktop-miner @installers/linux/package.args --resource-dir "$RESOURCES" \
    --license-file LICENSE --app-version "$VERSION_NUM" --dest "$DIST"
  pkg=$(ls "$DIST"/*."$type")
  if [ "$type" = deb ]; then
    # add the extras to jpackage's .deb: unpack, copy, new md5sums and Installed-Size, pack with xz
    raw="$ROOT/target/installer/deb-root"
    rm -rf "$raw"
    dpkg-deb -R "$pkg" "$raw"
    cp -a "$EXTRAS/." "$raw/"
    (cd "$raw" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
    sed -i "s/^Installed-Size:.*/Installed-Size: $(du -sk --exclude=DEBIAN "$raw" | cut -f1)/" "$raw/DEBIAN/control"
    fakeroot dpkg-deb --root-owner-group -Zxz -b "$raw" "$pkg" >/dev/null
    rm -rf "$raw"
  fi
  echo "package: .$type $(took "$s") -> $pkg ($(du -m "$pkg" | cut -f1) MB)"
done
