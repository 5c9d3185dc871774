#!/usr/bin/env bash
# Quick start #2: build, then run the whole test suite (lit + GoogleTest) and
# end with its summary line.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/suite.sh"
