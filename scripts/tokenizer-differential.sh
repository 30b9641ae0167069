#!/bin/sh
# The pure-Java tokenizer against Hugging Face's Rust tokenizer, the full set (issue 16): 100,000 generated texts
# plus every Unicode code point alone and between two letters, on the real qfc-embed-small tokenizer.json
# (`mvn verify` runs 10,000 texts). About 2-3 minutes on 2 cores.
#   scripts/tokenizer-differential.sh          check
#   scripts/tokenizer-differential.sh --table  regenerate the table of code points the reference does not know
#                                              (run on the Java the app ships; then run the check)
set -e
cd "$(dirname "$0")/.."
TABLE=miner-core/src/main/resources/network/qfc/miner/core/inference/tokenizer/reference-unassigned.txt
if [ "$1" = "--table" ]; then
    head -2 "$TABLE" > "$TABLE.tmp" && mv "$TABLE.tmp" "$TABLE"
    mvn -B -ntp -q -pl miner-core -am verify -Dtest='TokenizerDifferentialTest#writeReferenceTable' \
        -Dsurefire.failIfNoSpecifiedTests=false -Dqfc.tokenizer.table="$PWD/$TABLE"
    echo "wrote $TABLE ($(grep -vc '^#' "$TABLE") lines); U+166D and U+111C9 are punctuation to the reference:"
    echo "delete them from it if listed (UnicodeClasses handles them)"
    exit 0
fi
mvn -B -ntp -q -pl miner-core -am verify -Dtest='TokenizerDifferentialTest' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dqfc.tokenizer.full=true
echo "identical: 100,000 + 10,000 generated texts and every code point"
