#!/usr/bin/env bash
# Soak: the headless miner (a child JVM: Main mine --json) against a devnet behind a fault-injecting proxy
# (FaultyNode: ~20 % of calls get a fault) for SOAK_MINUTES minutes (default 30). Prints proofs accepted, retried,
# dropped as expired, duplicates (must be 0), lost (must be 0), peak RSS and whether RSS grew; exits 1 otherwise.
#   SOAK_MINUTES=5 scripts/soak.sh          SOAK_FAULT_RATE=0.2 (default)
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${SOAK_MINUTES:-30}"
RATE="${SOAK_FAULT_RATE:-0.2}"
CP_FILE="$PWD/app/target/soak.classpath"
mvn -B -ntp -q -pl app -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
CP="$PWD/app/target/test-classes:$PWD/app/target/classes:$(cat "$CP_FILE")"
cd app
exec java -Xmx512m -cp "$CP" network.qfc.miner.app.mine.SoakRun "$MINUTES" "$RATE"
