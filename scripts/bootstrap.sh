#!/usr/bin/env bash
# Installs what tilec needs from Debian (only what is missing), then configures
# and builds into build/. Sourced by demo.sh, check.sh and the other scripts;
# fast when nothing changed. A sourcing script may set, beforehand:
#   TILEC_BUILD_DIR       the build directory (default build/)
#   TILEC_CMAKE_ARGS=()   extra configure arguments (then it configures every time)
#   TILEC_PACKAGES=()     extra Debian packages
#   TILEC_TARGETS=()      what to build (default everything)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TILEC_BUILD_DIR:-$ROOT/build}"

PACKAGES=(llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools libfmt-dev libgtest-dev
          cmake ninja-build ccache g++ python3 python3-numpy python3-dev python3-pytest pybind11-dev
          ${TILEC_PACKAGES[@]+"${TILEC_PACKAGES[@]}"})
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

if [[ ! -f "$BUILD/build.ninja" || -n "${TILEC_CMAKE_ARGS[*]-}" ]]; then
  cmake -G Ninja -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    ${TILEC_CMAKE_ARGS[@]+"${TILEC_CMAKE_ARGS[@]}"} >/dev/null
fi
targets=()
for target in ${TILEC_TARGETS[@]+"${TILEC_TARGETS[@]}"}; do
  targets+=(--target "$target")
done
cmake --build "$BUILD" ${targets[@]+"${targets[@]}"} -j "${TILEC_JOBS:-2}" -- -k 0 \
  | grep -vE '^\[[0-9]+/[0-9]+\]' || true
cmake --build "$BUILD" ${targets[@]+"${targets[@]}"} -j "${TILEC_JOBS:-2}" >/dev/null
