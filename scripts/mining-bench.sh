#!/bin/sh
# Mining throughput vs the engine's own benchmark (issue 6, "Performance"). Not a test: run it and read the numbers.
#   scripts/mining-bench.sh [MODEL_CACHE] [THREADS] [SECONDS]
# Builds the app if needed; the model cache must hold qfc-embed-small (`./qfc-desktop-miner models pull` or any
# `mine --devnet` run seeds it).
set -e
cd "$(dirname "$0")/.."
[ -f app/target/qfc-desktop-miner.jar ] || mvn -B -ntp -q -pl app -am package -DskipTests
CP="app/target/qfc-desktop-miner.jar:$(ls app/target/lib/*.jar | tr '\n' ':')"
exec java -cp "$CP" -Dlogback.configurationFile=app/src/main/resources/logback.xml \
    scripts/MiningBench.java "${1:-$HOME/.cache/qfc-models}" "${2:-1}" "${3:-30}" 2>/dev/null
