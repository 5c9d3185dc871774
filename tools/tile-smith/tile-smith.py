#!/usr/bin/env python3
"""tile-smith: random valid .tile kernels and a differential oracle (see docs/testing.md)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from smith.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
