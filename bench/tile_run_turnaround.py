#!/usr/bin/env python3
"""Turnaround of a kernel edit: `tile-run KERNEL --random SEED --check` (a benchmark, not a test).

One command takes the .tile to C++, compiles that C++ with the host compiler, runs it on the CPU
model and checks every output against the reference interpreter. Cold: an empty compile cache
(TILEC_CACHE_DIR is a fresh directory), as after an edit that changes the generated C++. Warm:
the same command again (cache hit), as after an edit that leaves the C++ unchanged.
bench/run.py uses this for docs/performance.md.

  bench/tile_run_turnaround.py --tile-run build/bin/tile-run \
      kernels-dsl/deepseek_v4/prefill_qkv_rope.tile --warm-runs 3 -- --set start_pos=128
"""
import argparse
import os
import statistics
import tempfile

from benchutil import fail, load_json, run


def turnaround(tile_run, kernel, warm_runs, seed="1", extra=()):
    """Returns (cold, warm): the report's host times plus `measured_s`, the wall time around the
    process; warm is the median of each figure over warm_runs runs."""
    with tempfile.TemporaryDirectory(prefix="tile-run-turnaround-") as work:
        env = dict(os.environ, TILEC_CACHE_DIR=os.path.join(work, "cache"))
        report = os.path.join(work, "report.json")
        cmd = [tile_run, kernel, "--random", seed, "--outputs", os.path.join(work, "out"), "--check",
               "--report", report] + list(extra)
        runs = []
        for i in range(1 + warm_runs):
            measured, _, _ = run(cmd, env)
            host = load_json(report)["host"]
            expected = "miss" if i == 0 else "hit"
            if host["cache"] != expected:
                fail(f"run {i} of {' '.join(cmd)}: compile cache {host['cache']}, expected {expected}")
            runs.append(dict(host, measured_s=measured))
    figures = ("measured_s", "compile_s", "model_s")
    warm = {name: statistics.median(r[name] for r in runs[1:]) for name in figures}
    return runs[0], warm


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kernel", help=".tile file")
    parser.add_argument("--tile-run", default="build/bin/tile-run")
    parser.add_argument("--warm-runs", type=int, default=3)
    parser.add_argument("--seed", default="1")
    parser.add_argument("extra", nargs="*", help="more tile-run options (after --)")
    args = parser.parse_intermixed_args()  # options may follow the kernel; tile-run's come after --
    cold, warm = turnaround(args.tile_run, args.kernel, args.warm_runs, args.seed, args.extra)
    for label, figures in (("cold", cold), (f"warm (median/{args.warm_runs})", warm)):
        print(f"{label:<18}{figures['measured_s']:.2f} s (C++ compile {figures['compile_s']:.2f} s, "
              f"model {figures['model_s']:.2f} s, check and the rest "
              f"{figures['measured_s'] - figures['compile_s'] - figures['model_s']:.2f} s)")


if __name__ == "__main__":
    main()
