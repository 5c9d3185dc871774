#!/usr/bin/env python3
"""The a2a3 cycle model against published a2a3 measurements (a benchmark, never a test).

  /usr/bin/python3 bench/calibrate.py [--build DIR]

Runs each kernel of bench/calibration/ at the measured size on the model (`tile-run --random 0
--report`) and prints a markdown table of modeled time against the measurement, with the
difference and the term that bounds the model. bench/run.py puts the same table in
docs/performance.md. Modeled figures are deterministic, so this needs no quiet machine; the
large GEMMs take a minute or two of host time each.
"""
import argparse
import os
import sys
import tempfile

from benchutil import load_json, run

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CALIBRATION_DIR = os.path.join(ROOT, "bench", "calibration")

# Each published measurement: what ran, where it was measured, the measured time in µs (a range
# where the source gives one), the kernel that models it, and its -D sizes.
MEASUREMENTS = [
    {
        "what": "GEMM 6144³ f16 (24 cube cores)",
        "source": "pto-isa's GEMM performance kernel on A3: 1.506 ms, ≈ 308 TFLOP/s "
                  "(quoted by ISA-NOTES.md and issue 17)",
        "measured_us": (1506, 1506),
        "file": "gemm.tile", "kernel": "gemm_f16",
        "defines": {"M": 6144, "K": 6144, "N": 6144},
    },
    {
        "what": "torch_npu bf16 GEMM 4096³ (910B2)",
        "source": "torch_npu matmul ≈ 315 TFLOP/s on 910B2 (issue 17), i.e. 2·4096³ / 315e12 s",
        "measured_us": (2 * 4096 ** 3 / 315e12 * 1e6,) * 2,
        "file": "gemm.tile", "kernel": "gemm_bf16",
        "defines": {"M": 4096, "K": 4096, "N": 4096},
    },
    {
        "what": "INT8 q up-projection, T = 8, K = 1024, N = 32768",
        "source": "the seed library's DeepSeek-V4 QKV kernel, its q up-projection alone measured "
                  "on a2a3 (/work/shared/kernels/dsv4_prefill_qkv_rope.md)",
        "measured_us": (31.9, 36.0),
        "file": "q_up_projection.tile", "kernel": "q_up_projection",
        "defines": {},
    },
]


def model(tile_run, measurement, work):
    """The tile-run --report JSON of one measurement's kernel on the a2a3 model."""
    report = os.path.join(work, measurement["kernel"] + ".json")
    cmd = [tile_run, os.path.join(CALIBRATION_DIR, measurement["file"]), "--kernel", measurement["kernel"],
           "--random", "0", "--report", report]
    for name, value in measurement["defines"].items():
        cmd += ["-D", f"{name}={value}"]
    run(cmd)
    return load_json(report)


def difference(modeled, measured):
    """Modeled against the measured range, in percent (0 inside the range)."""
    low, high = measured
    if modeled < low:
        return (modeled - low) / low * 100
    if modeled > high:
        return (modeled - high) / high * 100
    return 0.0


# a2a3 cores per launch kind: a pipe's busy time is summed over the cores that ran it.
CORES = {"aic": 24, "aiv": 48}


def overlapped(report):
    """(µs, what): the time of a single-launch kernel had its pipes overlapped perfectly: the
    busiest pipe of one core, or the launch's memory term (HBM and L2 bandwidth) if longer. The
    gap from it to the modeled time is the lowering's; from the measurement to it, the figures'."""
    launch, = report["launches"]
    cores = min(launch["blocks"], CORES[launch["core"]])
    pipe = max(report["pipe_busy_us"], key=report["pipe_busy_us"].get)
    busiest = report["pipe_busy_us"][pipe] / cores
    memory = report["roofline"]["memory_us"]
    return (memory, "memory") if memory > busiest else (busiest, pipe)


def calibrate(tile_run):
    """(measurement, report) pairs of every published measurement."""
    with tempfile.TemporaryDirectory(prefix="tilec-calibrate-") as work:
        return [(m, model(tile_run, m, work)) for m in MEASUREMENTS]


def calibration_table(results):
    def us(x):
        return f"{x:.3g}" if x < 100 else f"{x:.0f}"
    lines = ["| kernel | measured µs | modeled µs | difference | pipes overlapped µs | its difference "
             "| HBM MB (incl. written back after) | source |",
             "|---|---|---|---|---|---|---|---|"]
    for m, r in results:
        low, high = m["measured_us"]
        measured = us(low) if low == high else f"{us(low)} – {us(high)}"
        diff = difference(r["modeled_us"], m["measured_us"])
        verdict = "within ±25 %" if abs(diff) <= 25 else "outside ±25 %"
        pipe_us, pipe = overlapped(r)
        hbm = (r["l2"]["hbm_bytes"] + r["l2"]["dirty_at_end_bytes"]) / 1e6
        lines.append(f"| {m['what']} | {measured} | {us(r['modeled_us'])} | {diff:+.0f} % ({verdict}) | "
                     f"{us(pipe_us)} ({pipe}) | {difference(pipe_us, m['measured_us']):+.0f} % | "
                     f"{hbm:.3g} | {m['source']} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"), help="CMake build directory (default build/)")
    args = parser.parse_args()
    tile_run = os.path.join(os.path.abspath(args.build), "bin", "tile-run")
    print(calibration_table(calibrate(tile_run)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
