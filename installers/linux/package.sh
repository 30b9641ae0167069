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
# it better (.deb 137 MB instead of 158 MB; installed 247 MB instead of 200 MB). Needs a full JDK 17+ (jlink, jpackage), and for .deb: binutils (objcopy), fakeroot, dpkg-deb.
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

types=(deb)
command -v rpmbuild >/dev/null 2>&1 && types+=(rpm)
for type in "${types[@]}"; do
  s=$(t)
  rm -f "$DIST"/*."$type"
  "$JAVA_HOME/bin/jpackage" --type "$type" --app-image "$DIST/qfc-desktop-miner" @installers/linux/jpackage.args @installers/linux/package.args \
    --app-version "$VERSION_NUM" --dest "$DIST"
  echo "package: .$type $(took "$s") -> $(ls "$DIST"/*."$type") ($(du -m "$DIST"/*."$type" | cut -f1) MB)"
done
