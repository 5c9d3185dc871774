#!/usr/bin/env python3
"""Cold and warm turnaround of `tile-run` on the CPU model (a benchmark, not a test).

Cold: an empty compile cache, so the run includes the host compiler. Warm: the
same run again (cache hit). Inputs are generated once and read with --inputs,
so the figures measure compile + model + I/O, not the random generator.

  bench/tile_run_turnaround.py --tile-run build/bin/tile-run \
      kernels-dsl/deepseek_v4/prefill_qkv_rope.tile --warm-runs 3
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd, env):
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kernel", help=".tile file")
    parser.add_argument("--tile-run", default="build/bin/tile-run")
    parser.add_argument("--warm-runs", type=int, default=3)
    parser.add_argument("--seed", default="1")
    parser.add_argument("extra", nargs="*", help="more tile-run options (after --)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tile-run-bench-") as work:
        env = dict(os.environ, TILEC_CACHE_DIR=os.path.join(work, "cache"))
        inputs = os.path.join(work, "in")
        run([args.tile_run, args.kernel, "--random", args.seed, "--save-inputs", inputs,
             "--outputs", os.path.join(work, "interp"), "--interpret"] + args.extra, env)
        base = [args.tile_run, args.kernel, "--inputs", inputs, "--outputs", os.path.join(work, "out"),
                "--report", os.path.join(work, "report.json")] + args.extra

        cold = run(base, env)
        with open(os.path.join(work, "report.json")) as f:
            cold_report = json.load(f)
        warm = [run(base, env) for _ in range(args.warm_runs)]
        with open(os.path.join(work, "report.json")) as f:
            warm_report = json.load(f)

    assert cold_report["host"]["cache"] == "miss" and warm_report["host"]["cache"] == "hit"
    print(f"kernel            {os.path.basename(args.kernel)} ({len(warm_report['launches'])} launches, "
          f"modelled {warm_report['modeled_us']:.3f} us)")
    print(f"cold              {cold:.2f} s (compile {cold_report['host']['compile_s']:.2f} s, "
          f"model {cold_report['host']['model_s']:.2f} s)")
    print(f"warm (median/{len(warm)}) {statistics.median(warm):.2f} s "
          f"(compile {warm_report['host']['compile_s']:.2f} s, model {warm_report['host']['model_s']:.2f} s)")


if __name__ == "__main__":
    main()
