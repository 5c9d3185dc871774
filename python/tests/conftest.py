"""Shared paths and helpers of the tilec package's tests (run by test/Python/pytest.test with
the built package on PYTHONPATH and TILEC_TOOLS_DIR naming the built tools)."""
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KERNELS = os.path.join(ROOT, "kernels-dsl")
GOLDEN = os.path.join(ROOT, "test", "Kernels", "golden")
# The independent numpy goldens of test/Kernels (written from the math, not the .tile).
sys.path.insert(0, GOLDEN)


def kernel_path(name):
    return os.path.join(KERNELS, name)


def tool(name):
    """The built tool `name` (tilec, tile-run), as the lit suite runs it."""
    directory = os.environ.get("TILEC_TOOLS_DIR")
    path = os.path.join(directory, name) if directory else shutil.which(name)
    if not path or not os.path.exists(path):
        pytest.fail(f"{name} not found: set TILEC_TOOLS_DIR to the build's bin directory")
    return path


def run_tool(name, *args, check=True):
    """Runs a built tool; returns (exit code, stdout, stderr)."""
    done = subprocess.run([tool(name), *map(str, args)], capture_output=True, text=True)
    if check and done.returncode != 0:
        pytest.fail(f"{name} {' '.join(map(str, args))} failed:\n{done.stderr}")
    return done.returncode, done.stdout, done.stderr
