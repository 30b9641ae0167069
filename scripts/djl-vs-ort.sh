#!/bin/sh
# What DJL itself costs (issue 16): the engine's DJL predictor vs OrtSession.run with the engine's options, and the
# engine's whole embed beside them, alternated in 6 s rounds. Not a test: run it on a quiet machine.
#   scripts/djl-vs-ort.sh [MODEL_DIR=~/.cache/qfc-models/qfc-embed-small/v1.0] [THREADS=2]
set -e
cd "$(dirname "$0")/.."
[ -f app/target/qfc-desktop-miner.jar ] || mvn -B -ntp -q -pl app -am package -DskipTests
CP="app/target/qfc-desktop-miner.jar:$(ls app/target/lib/*.jar | tr '\n' ':')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
java -cp "$CP" -Dlogback.configurationFile=app/src/main/resources/logback.xml -Dai.djl.offline=true \
    scripts/DjlVsOrt.java "${1:-$HOME/.cache/qfc-models/qfc-embed-small/v1.0}" "${2:-2}" 2>/dev/null
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
