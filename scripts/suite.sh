#!/usr/bin/env bash
# Sourced by check.sh and sanitize.sh: builds (through bootstrap.sh, which reads
# the same TILEC_* settings), runs the whole test suite (lit + GoogleTest) in
# TILEC_BUILD_DIR, and ends with its summary line "N passed, N failed".
# Exits with the suite's status.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# A failed set-up or build still ends with a summary line.
if ! (source "$ROOT/scripts/bootstrap.sh"); then
  echo "$(basename "$0" .sh): set-up or build failed (see above)"
  echo "0 passed, 1 failed"
  exit 1
fi
BUILD="${TILEC_BUILD_DIR:-$ROOT/build}"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
cmake --build "$BUILD" --target check-tilec 2>&1 | tee "$log" || status=$?
# lit's summary: "  Passed: 12 (100.00%)", "  Failed: 1 (…)", "  Unresolved: …"
count() { awk -v re="^ *($1) *: *[0-9]+" '$0 ~ re { sub(/^[^:]*: */, ""); n += $1 } END { print n + 0 }' "$log"; }
passed=$(count 'Passed|Expectedly Failed')
failed=$(count 'Failed|Unresolved|Timed Out|Unexpectedly Passed')
[[ $status -ne 0 && $failed -eq 0 ]] && failed=1  # the build itself failed
echo "$passed passed, $failed failed"
exit "$status"
