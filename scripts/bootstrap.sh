#!/usr/bin/env bash
# Installs what tilec needs from Debian (only what is missing), then configures
# and builds into build/. Sourced by demo.sh and check.sh; fast when nothing changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TILEC_BUILD_DIR:-$ROOT/build}"

PACKAGES=(llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools libfmt-dev libgtest-dev
          cmake ninja-build ccache g++ python3 python3-numpy)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ ! -f "$BUILD/build.ninja" ]]; then
  cmake -G Ninja -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" -j "${TILEC_JOBS:-2}" -- -k 0 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
cmake --build "$BUILD" -j "${TILEC_JOBS:-2}" >/dev/null
