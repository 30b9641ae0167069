#!/usr/bin/env bash
# The desktop footprint against a node in ANOTHER process (as a real node is): a devnet on loopback in its own JVM,
# the app's window (dashboard in the main window) mining with an encrypted key for MINE_S seconds under Xvfb;
# prints the app's peak RSS (VmHWM). The JVM runs with the launcher's memory options (JVM_MEMORY in ./qfc-desktop-miner)
# and its MALLOC_ARENA_MAX; PACKAGED=1 leaves MALLOC_ARENA_MAX out, as the jpackage launchers do (the app then caps
# the arenas itself). Extra JAVA_OPTS come last and override. Usage: scripts/gui-footprint-remote.sh [MINE_S=60] [JAVA_OPTS...]
set -euo pipefail
cd "$(dirname "$0")/.."
mine_s=${1:-60}; shift || true
tmp=$(mktemp -d)
trap 'kill $devnet $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
./qfc-desktop-miner --version >/dev/null
models=${QFC_MODEL_DIR:-$HOME/.cache/qfc-models}
QFC_MODEL_DIR="$models" ./qfc-desktop-miner models list >/dev/null
[ -f "$models/qfc-embed-small/v1.0/model.onnx" ] || QFC_MODEL_DIR="$models" ./qfc-desktop-miner models pull qfc-embed-small >/dev/null
port=$((20000 + RANDOM % 20000))
./qfc-desktop-miner devnet --port "$port" --open --model-dir "$models/qfc-embed-small/v1.0" >"$tmp/devnet.log" 2>&1 &
devnet=$!
for _ in $(seq 1 120); do
  curl -s -m 2 -X POST -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"qfc_nodeInfo","params":[]}' "http://127.0.0.1:$port/" | grep -q chainId && break
  sleep 1
done
grep -q "listening" "$tmp/devnet.log" || { echo "the devnet did not start:"; cat "$tmp/devnet.log"; exit 1; }
printf 'footprint-password-1\n' > "$tmp/pw"; chmod 600 "$tmp/pw"
QFC_DATA_DIR="$tmp/data" ./qfc-desktop-miner keys new --keystore "$tmp/key.json" --password-file "$tmp/pw" >/dev/null
CP_FILE="$PWD/app/target/footprint.classpath"
mvn -B -ntp -q -o -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 2
jvm_memory=$(sed -n 's/^JVM_MEMORY="\(.*\)"$/\1/p' qfc-desktop-miner)
[ -n "$jvm_memory" ] || { echo "no JVM_MEMORY line in ./qfc-desktop-miner"; exit 1; }
if [ "${PACKAGED:-0}" = 1 ]; then unset MALLOC_ARENA_MAX; else export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"; fi
echo "JVM: $jvm_memory $*; MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-unset}"
# shellcheck disable=SC2086
DISPLAY=$display QFC_DATA_DIR="$tmp/data" QFC_CONFIG_DIR="$tmp/config" QFC_MODEL_DIR="$models" \
  java $jvm_memory "$@" -Dprism.order=sw -Dai.djl.offline=true \
  -cp "$PWD/app/target/test-classes:$PWD/app/target/classes:$(cat "$CP_FILE")" \
  network.qfc.miner.app.desktop.FootprintHarness "http://127.0.0.1:$port" "$tmp/key.json" "$tmp/pw" "$mine_s"
