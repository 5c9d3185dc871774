#!/usr/bin/env bash
# scripts/smith.sh [N | --seconds S] [more tile-smith campaign options]
# A long tile-smith campaign (docs/testing.md): builds tilec (bootstrap.sh), then
# generates N kernels (default 1000), or keeps starting modules for S seconds, and
# checks each with the differential oracle on 2 worker processes, alternating the
# targets a2a3 and a5. Prints generated, accepted, rejected by reason, mismatches,
# crashes and every reduced finding, written to $TILEC_SMITH_FINDINGS (default
# /tmp/tile-smith-findings). The first module's seed is $TILEC_SMITH_SEED (default
# 100000; the CI campaign in test/Smith uses 1). With $TILEC_PTO_ISA_DIR (a pto-isa
# checkout) the oracle also builds each module against its headers and runs the kernels
# on its CPU simulator. Exits non-zero on a finding.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bootstrap.sh"

amount=(--kernels 1000)
if [[ "${1:-}" == "--seconds" ]]; then
  amount=(--seconds "$2"); shift 2
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  amount=(--kernels "$1"); shift
fi
# --fast-host: the model's C++ at -O0 (with clang++ when installed): the host compiler
# dominates a campaign's time, and the model's numerics do not depend on it.
pto_isa=()
if [[ -n "${TILEC_PTO_ISA_DIR:-}" ]]; then
  pto_isa=(--pto-isa "$TILEC_PTO_ISA_DIR")
fi
exec "${TILEC_PYTHON:-/usr/bin/python3}" "$ROOT/tools/tile-smith/tile-smith.py" --bin-dir "$BUILD/bin" \
  --fast-host "${pto_isa[@]}" campaign "${amount[@]}" --seed "${TILEC_SMITH_SEED:-100000}" --jobs 2 \
  --findings "${TILEC_SMITH_FINDINGS:-/tmp/tile-smith-findings}" --progress 60 "$@"
