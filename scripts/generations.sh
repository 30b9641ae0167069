#!/bin/sh
# What the miner does against each node generation the devnet plays (issue 14's "Node generations" table). Not a
# test: run it and read the numbers. For each of v2.0, rocm and latest: a devnet in its own JVM, then the headless
# miner (its own JVM, CPU, 1 thread, --json) for N proofs, then the miner again (a restart) for 5 more.
#   scripts/generations.sh [MODEL_CACHE] [N]
# Prints per generation and run: proofs accepted / refused, sends (a negotiation sends the first proof again), the
# layout and how it was known, and the seconds from start to the first accepted proof.
set -e
cd "$(dirname "$0")/.."
MODELS="${1:-$HOME/.cache/qfc-models}"
N="${2:-20}"
[ -f app/target/qfc-desktop-miner.jar ] || mvn -B -ntp -q -pl app -am package -DskipTests
WORK=$(mktemp -d)
trap 'kill $DEVNET 2>/dev/null; rm -rf "$WORK"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
printf '%-8s %-8s %9s %8s %6s %-28s %s\n' generation run accepted refused sends layout first-accepted-s
port=18600
for g in v2.0 rocm latest; do
  port=$((port + 1))
  ./qfc-desktop-miner devnet --port "$port" --open --challenge-rate 0 --generation "$g" \
      --model-dir "$MODELS/qfc-embed-small/v1.0" >"$WORK/devnet-$g.log" 2>&1 &
  DEVNET=$!
  i=0; until grep -q "127.0.0.1:$port" "$WORK/devnet-$g.log" 2>/dev/null || [ $i -gt 300 ]; do sleep 0.1; i=$((i+1)); done
  key="$WORK/key-$g.hex"; (umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' > "$key")
  for run in first restart; do
    max=$N; [ "$run" = restart ] && max=5
    start=$(date +%s.%N)
    ./qfc-desktop-miner mine --rpc "http://127.0.0.1:$port" --key-file "$key" --data-dir "$WORK/data-$g" \
        --model-dir "$MODELS" --backend cpu --threads 1 --json --no-yield-to-user --max-proofs "$max" >"$WORK/$g-$run.json" 2>/dev/null
    f="$WORK/$g-$run.json"
    accepted=$(grep -c '"event":"proof".*"accepted":true' "$f" || true)
    refused=$(grep -c '"event":"proof".*"accepted":false' "$f" || true)
    sends=$(grep -c '"event":"submitted"' "$f" || true)
    layout=$(grep '"event":"layout"' "$f" | head -1 | sed 's/.*"layout":"\([A-C]\)".*"how":"\([^":;]*\).*/\1 (\2)/')
    t0=$(grep -m1 '"event":"registered"' "$f" | sed 's/.*"at":"\([^"]*\)".*/\1/')
    t1=$(grep -m1 '"event":"proof".*"accepted":true' "$f" | sed 's/.*"at":"\([^"]*\)".*/\1/')
    first=$(python3 -c "from datetime import datetime as d; p=lambda s: d.fromisoformat(s.replace('Z','+00:00')); print(round((p('$t1')-p('$t0')).total_seconds(),2))" 2>/dev/null || echo "?")
    printf '%-8s %-8s %9s %8s %6s %-28s %s\n' "$g" "$run" "$accepted" "$refused" "$sends" "$layout" "$first"
  done
  kill $DEVNET; wait $DEVNET 2>/dev/null || true
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
