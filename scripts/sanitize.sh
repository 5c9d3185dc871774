#!/usr/bin/env bash
# The whole test suite built with AddressSanitizer (leaks included),
# UndefinedBehaviorSanitizer and assertions, in build-sanitize/ (or
# $TILEC_SANITIZE_BUILD_DIR); ends with the summary line of check.sh.
# A sanitizer report aborts the tool, so even a test that expects the tool to
# fail ('not tilec ...') fails on it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TILEC_BUILD_DIR="${TILEC_SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}"
TILEC_CMAKE_ARGS=(-DTILEC_SANITIZE=address,undefined -DTILEC_ASSERTIONS=ON)
# allow_user_poisoning=0: LLVM's allocators poison their slabs in our (instrumented)
# copies of the header code but not in libMLIR's, so MLIR's own writes would be reported.
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:allow_user_poisoning=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="abort_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"
source "$ROOT/scripts/suite.sh"
