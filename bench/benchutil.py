"""Helpers shared by the bench/ scripts: run a tool and time it, read its JSON report, fail loudly."""
import json
import subprocess
import sys
import time


def fail(message):
    """Stops the benchmark with a non-zero exit and the message on stderr."""
    sys.exit(f"bench: error: {message}")


def run(cmd, env=None):
    """Runs cmd and returns (wall seconds, stdout, stderr); a non-zero exit fails with the tool's output."""
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        fail(f"exit {result.returncode}: {' '.join(cmd)}\n{result.stdout}{result.stderr}")
    return elapsed, result.stdout, result.stderr


def load_json(path):
    with open(path) as f:
        return json.load(f)
