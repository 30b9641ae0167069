#!/bin/sh
# Mining throughput vs the engine's own benchmark (issue 6, "Performance"). Not a test: run it and read the numbers.
#   scripts/mining-bench.sh [MODEL_CACHE] [WORKERS] [SECONDS] [RPC_URL]   (WORKERS 0 = one per physical core; SECONDS
#   default 90: the first third is the JIT's warm-up, the rest the steady window the ratio is measured over)
# With RPC_URL the miner mines against that node (e.g. a devnet in another process:
#   ./qfc-desktop-miner devnet --port 18545 --open --challenge-rate 0 --model-dir MODEL_CACHE/qfc-embed-small/v1.0)
# instead of a devnet in the same process. Prints the load average before and after.
# Builds the app if needed; the model cache must hold qfc-embed-small (`./qfc-desktop-miner models pull` or any
# `mine --devnet` run seeds it).
set -e
cd "$(dirname "$0")/.."
[ -f app/target/qfc-desktop-miner.jar ] || mvn -B -ntp -q -pl app -am package -DskipTests
CP="app/target/qfc-desktop-miner.jar:$(ls app/target/lib/*.jar | tr '\n' ':')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
java -cp "$CP" -Dlogback.configurationFile=app/src/main/resources/logback.xml \
    scripts/MiningBench.java "${1:-$HOME/.cache/qfc-models}" "${2:-0}" "${3:-90}" ${4:+"$4"} 2>/dev/null
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
