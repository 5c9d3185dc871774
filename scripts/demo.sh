#!/usr/bin/env bash
# Quick start #1: build, then run the DeepSeek-V4 prefill Q/KV + RoPE kernel on
# random inputs and validate it against an independent numpy golden.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bootstrap.sh"
BUILD="${TILEC_BUILD_DIR:-$ROOT/build}"
KERNEL="$ROOT/kernels-dsl/deepseek_v4/prefill_qkv_rope.tile"
GOLDEN="$ROOT/test/Kernels/golden"
START_POS="${START_POS:-128}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "== tilec: $(basename "$KERNEL") ($(grep -c '' "$KERNEL") lines of .tile) -> C++ for the AI Core"
"$BUILD/bin/tilec" "$KERNEL" --report -o "$WORK/prefill_qkv_rope.cpp"
echo "$(grep -c '^extern "C" void tilec_task_' "$WORK/prefill_qkv_rope.cpp") tasks, $(grep -c '' "$WORK/prefill_qkv_rope.cpp") lines of C++"

echo
echo "== tile-run: the CPU model of the a2a3 AI Core on random inputs (seed 0, start_pos=$START_POS),"
echo "   checked against the reference interpreter"
"$BUILD/bin/tile-run" "$KERNEL" --random 0 --set T=128 --set "start_pos=$START_POS" \
  --save-inputs "$WORK/in" --outputs "$WORK/out" --check | grep -v '^  launch'

echo
echo "== the model's outputs against an independent numpy golden (written from the math)"
/usr/bin/python3 "$GOLDEN/prefill_qkv_rope.py" --inputs "$WORK/in" --outputs "$WORK/expected"
/usr/bin/python3 "$GOLDEN/compare.py" --actual "$WORK/out" --expected "$WORK/expected" --preset qkv_rope
