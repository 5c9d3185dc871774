#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS]   (default 300)
# Builds the libFuzzer target tools/fuzz/tilec-fuzz with clang 22, ASan, UBSan
# and assertions in build-fuzz/ (or $TILEC_FUZZ_BUILD_DIR), then fuzzes the
# frontend and the whole pipeline for SECONDS. Seeds: every .tile file under
# kernels-dsl/ and test/ (split-file tests also split into their parts), and 300
# valid modules from tile-smith's generator (tools/tile-smith, 3 kernels each,
# consts defined in place), so most inputs get past the parser. The
# corpus it grows and any crash, timeout or leak file go to $TILEC_FUZZ_WORK
# (default /tmp/tilec-fuzz), outside the repository; replay one with
#   build-fuzz/bin/tilec-fuzz FILE
# Exits non-zero on a finding.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${1:-300}"
WORK="${TILEC_FUZZ_WORK:-/tmp/tilec-fuzz}"

TILEC_BUILD_DIR="${TILEC_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
TILEC_PACKAGES=(clang-22 libclang-rt-22-dev)
TILEC_CMAKE_ARGS=(-DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22
                  -DCMAKE_BUILD_TYPE=RelWithDebInfo
                  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only"
                  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only"
                  -DTILEC_FUZZ=ON -DTILEC_ASSERTIONS=ON -DTILEC_SANITIZE=address,undefined)
TILEC_TARGETS=(tilec-fuzz)
source "$ROOT/scripts/bootstrap.sh"

rm -rf "$WORK/seeds"
mkdir -p "$WORK/corpus" "$WORK/seeds" "$WORK/findings"
(cd "$ROOT" && find kernels-dsl test -name '*.tile') |
  while read -r file; do
    name="$(echo "${file%.tile}" | tr / -)"
    file="$ROOT/$file"
    cp "$file" "$WORK/seeds/$name.tile"
    if grep -q '^#--- ' "$file"; then
      /usr/lib/llvm-22/bin/split-file "$file" "$WORK/seeds/$name"
    fi
  done

"${TILEC_PYTHON:-/usr/bin/python3}" "$ROOT/tools/tile-smith/tile-smith.py" --kernels-per-module 3 \
  gen --seed 0 --count 300 --standalone --out-dir "$WORK/seeds/smith"

# -max_len: above every seed (the largest is ~9 KB); -timeout: a compile takes
# well under a second even sanitized, so 10 s is a hang; -rss_limit_mb: MLIR
# plus ASan's shadow memory stay far below it.
export UBSAN_OPTIONS="print_stacktrace=1:${UBSAN_OPTIONS:-}"
echo "fuzz: ${DURATION} s; corpus $WORK/corpus, findings $WORK/findings"
"$BUILD/bin/tilec-fuzz" "$WORK/corpus" "$WORK/seeds" \
  -dict="$ROOT/tools/fuzz/tile.dict" -max_total_time="$DURATION" \
  -max_len=16384 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$WORK/findings/" -print_final_stats=1
