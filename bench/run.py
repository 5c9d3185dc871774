#!/usr/bin/env python3
"""Runs the benchmarks and writes docs/performance.md (a benchmark, never a test).

  /usr/bin/python3 bench/run.py [--build DIR] [--runs N] [--compile-runs N]

Builds tilec, tile-run and isa-matmul-bench in the build directory (default build/), then measures:
tilec compile time of every kernel in kernels-dsl/; every kernel on the a2a3 model, fused and
unfused (modeled time, roofline, GM bytes, host time) with its outputs checked against the numpy
golden; the flagship's turnaround (bench/tile_run_turnaround.py) against the torch reference
(bench/flagship_torch.py, skipped when torch is absent) and its scaling in T; the shipped
flagship and decode kernels (one C++ for every T) as compiled by default (paired and joined), paired
only (--join-matmuls=false) and with neither; the
K-loop GEMM against plain matmul; the simulated matmul throughput; the model against published
a2a3 measurements
(bench/calibrate.py). The figures fill the placeholders (@NAME@) of
bench/performance.md.in. Any failing tool or check stops the run with a non-zero exit and leaves
docs/performance.md as it was. Takes a few minutes; needs numpy (Debian's /usr/bin/python3).
"""
import argparse
import datetime
import os
import re
import runpy
import statistics
import subprocess
import sys
import tempfile
import time

from benchutil import fail, load_json, run
from calibrate import calibrate, calibration_table
from flagship_torch import TORCH_MISSING
from tile_run_turnaround import turnaround

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNELS_DIR = os.path.join(ROOT, "kernels-dsl")
GOLDEN_DIR = os.path.join(ROOT, "test", "Kernels", "golden")
TEMPLATE = os.path.join(ROOT, "bench", "performance.md.in")

FLAGSHIP = "deepseek_v4/prefill_qkv_rope.tile"
# Compiled for T = 128, as the spec's shape (the C++ of its bound, run at 128, is in design.md).
FLAGSHIP_START = ["--set", "start_pos=128"]
FLAGSHIP_SET = ["-D", "T=128"] + FLAGSHIP_START
FLAGSHIP_COMPILE_TARGET_MS = 100
SCALING_T = (128, 512, 2048)
# The kernels as shipped (one C++ for every T), run at these T with neither pairing nor joining,
# paired only, and as compiled by default (both) on the same inputs.
PAIRING_CASES = [(FLAGSHIP, t, FLAGSHIP_START) for t in (128, 2048)] + \
    [("deepseek_v4/decode_qkv_rope.tile", t, []) for t in (8, 64, 128)]
FUSE_FLAGS = {"fused": "--fuse=true", "unfused": "--fuse=false"}
# A kernel's first tile-run configuration (--random 0 and these; a run-time dim is otherwise run
# at its bound), and the ones besides it.
DEFAULT_CONFIGS = {FLAGSHIP: ["-D", "T=128"]}
EXTRA_CONFIGS = {FLAGSHIP: [FLAGSHIP_SET]}
# Input ranges a kernel's math needs in every random run (valid lengths in [1, S]).
INPUT_RANGES = {"attention/decode_gqa.tile": ["--range", "lens=1,512"]}
# Kernels whose golden is another kernel's with options: (golden script, its options).
GOLDEN_VARIANTS = {"prefill_qkv_rope_f32qr": ("prefill_qkv_rope", ["--qr-from-f32"])}
# compare.py options of test/Kernels/model-*.test; a kernel not listed must match exactly.
GOLDEN_TOLERANCES = {
    "rmsnorm": ["--tol", "y=0,0.0078125,0"],
    "prefill_qkv_rope": ["--preset", "qkv_rope"],
    "decode_qkv_rope": ["--preset", "qkv_rope"],
    "prefill_qkv_rope_f32qr": ["--preset", "qkv_rope"],
    "flash_prefill": ["--tol", "o=0.00390625,0.0078125,0"],
    # P is rounded to bf16 from the f32 softmax: at --random 0 one element of o lands one bf16
    # step from the f64 golden (1 of 20480; the lit test's seeds are bit-identical).
    "decode_gqa": ["--tol", "o=0,0.0078125,0"],
}
# The K-loop GEMM (issue 15): the same 256 x 256 x 256 bf16 product as plain matmul(a, b), as a
# K-loop of acc= matmuls (folded into one cube task) and as a loop of adds (a host loop). The
# target: the K-loop in one launch, within 10 % of plain matmul's modeled time.
KLOOP_CASES = [
    ("plain `matmul(a, b)`", "examples/matmul.tile", ["-D", "M=256", "-D", "N=256"]),
    ("K-loop, `acc = matmul(…, acc=acc)`", "examples/gemm_kloop.tile", []),
    ("K-loop, `acc = acc + matmul(…)`", os.path.join(ROOT, "bench", "kloop", "gemm_add_loop.tile"), []),
]
KLOOP_TARGET = 1.10
# Weight streaming: a GEMM whose weights (B, 8192 × 16384 bf16 = 256 MiB) exceed a2a3's 192 MiB L2,
# its work items column by column (the strategy's choice) and row by row (--stream-weights=never).
STREAMING_CASE = (os.path.join(ROOT, "bench", "calibration", "gemm.tile"),
                  ["--kernel", "gemm_bf16", "-D", "M=2048", "-D", "K=8192", "-D", "N=16384"])
STREAMING_ORDERS = (("column by column (default)", "auto"), ("row by row", "never"))
# isa-matmul-bench: TMATMUL_ACC targets in GMAC/s per operand type.
MATMUL_TARGETS = {"int8": 20, "bf16": 10}


def num(x):
    """Three significant digits, never an exponent."""
    return f"{x:.3g}" if abs(x) < 100 else f"{x:.0f}"


def megabytes(n):
    return num(n / 1e6)


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows])


def count_lines(path):
    with open(path) as f:
        return sum(1 for _ in f)


def kernel_files():
    """Every .tile of the kernel library in kernels-dsl/ that defines a kernel (imports such as
    dsv4_config.tile do not); not examples/, the new-user examples test/Kernels/model-examples.test
    checks against their goldens."""
    found = []
    for directory, subdirectories, files in os.walk(KERNELS_DIR):
        if directory == KERNELS_DIR and "examples" in subdirectories:
            subdirectories.remove("examples")
        for name in files:
            path = os.path.join(directory, name)
            with open(path) as f:
                if name.endswith(".tile") and re.search(r"^kernel\s", f.read(), re.MULTILINE):
                    found.append(os.path.relpath(path, KERNELS_DIR))
    if FLAGSHIP not in found:
        fail(f"the flagship kernels-dsl/{FLAGSHIP} is missing")
    return sorted(found)


def stem(kernel):
    return os.path.splitext(os.path.basename(kernel))[0]


def label(kernel, config):
    return " ".join([kernel.removesuffix(".tile")] + [arg for arg in config if arg not in ("--set", "-D")])


class Bench:
    def __init__(self, build, work, runs, compile_runs):
        self.tilec = os.path.join(build, "bin", "tilec")
        self.tile_run_bin = os.path.join(build, "bin", "tile-run")
        self.matmul_bench = os.path.join(build, "bin", "isa-matmul-bench")
        self.work = work
        self.runs = runs
        self.compile_runs = compile_runs
        self.env = dict(os.environ, TILEC_CACHE_DIR=os.path.join(work, "cache"))
        self.cxx_compile_s = {}  # compile cache key -> host compiler seconds of its (cold) miss

    def compile_time(self, kernel, args):
        """tilec .tile -> C++: wall and --mlir-timing pipeline times in ms, lines of C++."""
        cpp = os.path.join(self.work, "kernel.cpp")
        walls, pipelines = [], []
        for _ in range(self.compile_runs):
            wall, _, timing = run([self.tilec, os.path.join(KERNELS_DIR, kernel), "-o", cpp, "--mlir-timing"] + args)
            total = re.search(r"Total Execution Time: ([0-9.]+) seconds", timing)
            if not total:
                fail(f"tilec --mlir-timing printed no total for {kernel}:\n{timing}")
            walls.append(wall * 1e3)
            pipelines.append(float(total.group(1)) * 1e3)
        return {"wall_ms": walls, "pipeline_ms": pipelines, "cpp_lines": count_lines(cpp)}

    def static_report(self, kernel, args):
        """`tilec --report`: launches in the host program, GM traffic and the parameters' bytes (MB)."""
        _, out, _ = run([self.tilec, os.path.join(KERNELS_DIR, kernel), "--report"] + args)
        launches = re.search(r"^kernel \S+ on \S+: (\d+) launches$", out, re.MULTILINE)
        traffic = re.search(r"^GM traffic: ([0-9.]+) MB;.* parameters once ([0-9.]+) MB", out, re.MULTILINE)
        if not launches or not traffic:
            fail(f"cannot read `tilec {kernel} --report {' '.join(args)}`:\n{out}")
        return {"launches": int(launches.group(1)), "gm_mb": float(traffic.group(1)),
                "params_mb": float(traffic.group(2))}

    def tile_run(self, kernel, args):
        report = os.path.join(self.work, "report.json")
        wall, _, _ = run([self.tile_run_bin, os.path.join(KERNELS_DIR, kernel), "--report", report] + args, self.env)
        result = dict(load_json(report), measured_s=wall)
        if result["host"]["cache"] == "miss":
            self.cxx_compile_s[result["host"]["cache_key"]] = result["host"]["compile_s"]
        return result

    def model(self, kernel, args, source, inputs, outputs):
        """One run on `source` (random inputs saved to `inputs`, or read from there) that fills the
        compile cache, then self.runs warm runs on `inputs`. Checks that the modeled time is
        deterministic and that the model's GM bytes equal tilec --report's."""
        static = self.static_report(kernel, args)
        first = self.tile_run(kernel, args + source + ["--outputs", outputs])
        warm = [self.tile_run(kernel, args + ["--inputs", inputs, "--outputs", outputs]) for _ in range(self.runs)]
        for r in warm:
            if r["modeled_us"] != first["modeled_us"]:
                fail(f"{kernel} {' '.join(args)}: modeled time {r['modeled_us']} us, first run {first['modeled_us']} us")
        if abs(first["gm_bytes"] / 1e6 - static["gm_mb"]) > 0.006:
            fail(f"{kernel} {' '.join(args)}: the model moves {first['gm_bytes']} GM bytes, "
                 f"tilec --report says {static['gm_mb']} MB")
        return dict(first, static=static, outputs=outputs,
                    model_s=statistics.median(r["host"]["model_s"] for r in warm),
                    measured_s=statistics.median(r["measured_s"] for r in warm),
                    cxx_compile_s=self.cxx_compile_s[first["host"]["cache_key"]])

    def launch_sharing(self, kernel, t, sets):
        """The kernel's C++ for its bound run at T = t on --random 0 inputs with neither pairing
        nor joining, paired only, and by default (both); stops unless their outputs are
        bit-identical."""
        directory = os.path.join(self.work, f"pairing-{stem(kernel)}-{t}")
        inputs = os.path.join(directory, "inputs")
        neither = self.tile_run(kernel, ["--pair-cube-vector=false", "--join-matmuls=false",
                                         "--random", "0", "--set", f"T={t}", "--save-inputs", inputs,
                                         "--outputs", os.path.join(directory, "neither")] + sets)
        paired = self.tile_run(kernel, ["--join-matmuls=false", "--inputs", inputs,
                                        "--outputs", os.path.join(directory, "paired")] + sets)
        both = self.tile_run(kernel, ["--inputs", inputs, "--outputs", os.path.join(directory, "both")] + sets)
        for name in sorted(os.listdir(os.path.join(directory, "neither"))):
            with open(os.path.join(directory, "neither", name), "rb") as f:
                expected = f.read()
            for lowering in ("paired", "both"):
                with open(os.path.join(directory, lowering, name), "rb") as f:
                    if f.read() != expected:
                        fail(f"{kernel} at T = {t}: output {name} {lowering} differs from neither")
        return neither, paired, both

    def weight_streaming(self):
        """STREAMING_CASE in each of STREAMING_ORDERS on the same --random 0 inputs: their reports;
        stops unless the outputs are bit-identical."""
        kernel, args = STREAMING_CASE
        directory = os.path.join(self.work, "streaming")
        inputs = os.path.join(directory, "inputs")
        results = []
        for _, order in STREAMING_ORDERS:
            source = ["--inputs", inputs] if results else ["--random", "0", "--save-inputs", inputs]
            results.append(self.tile_run(kernel, args + source + [
                f"--stream-weights={order}", "--outputs", os.path.join(directory, order)]))
        first = STREAMING_ORDERS[0][1]
        for name in sorted(os.listdir(os.path.join(directory, first))):
            with open(os.path.join(directory, first, name), "rb") as f:
                expected = f.read()
            for _, order in STREAMING_ORDERS[1:]:
                with open(os.path.join(directory, order, name), "rb") as f:
                    if f.read() != expected:
                        fail(f"weight streaming: output {name} {order} differs from {first}")
        return results

    def fused_and_unfused(self, kernel, directory, config):
        """The fused model on --random 0 inputs (saved to directory/inputs), then the unfused one on
        the same inputs."""
        inputs = os.path.join(directory, "inputs")
        # -D NAME=VALUE pairs compile the kernel: every run and the static report take them.
        defines, sets = [], list(config)
        while "-D" in sets:
            at = sets.index("-D")
            defines += sets[at:at + 2]
            del sets[at:at + 2]
        sources = {"fused": ["--random", "0", "--save-inputs", inputs] + INPUT_RANGES.get(kernel, []) + sets,
                   "unfused": ["--inputs", inputs]}
        return {mode: self.model(kernel, [flag] + defines, sources[mode], inputs, os.path.join(directory, mode))
                for mode, flag in FUSE_FLAGS.items()}

    def golden(self, kernel, inputs, expected):
        """Median seconds of the numpy golden in this process (inputs read, computed, outputs written)."""
        script, options = GOLDEN_VARIANTS.get(stem(kernel), (stem(kernel), []))
        path = os.path.join(GOLDEN_DIR, script + ".py")
        if not os.path.exists(path):
            fail(f"no numpy golden for kernels-dsl/{kernel}: expected {path}")
        if GOLDEN_DIR not in sys.path:
            sys.path.insert(0, GOLDEN_DIR)
        argv, times = sys.argv, []
        for _ in range(self.runs):
            sys.argv = [path, "--inputs", inputs, "--outputs", expected] + options
            start = time.perf_counter()
            try:
                runpy.run_path(path, run_name="__main__")
            except SystemExit as stop:
                if stop.code:
                    fail(f"golden {path}: {stop.code}")
            finally:
                sys.argv = argv
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    def check(self, kernel, actual, expected):
        run([sys.executable, os.path.join(GOLDEN_DIR, "compare.py"), "--actual", actual, "--expected", expected]
            + GOLDEN_TOLERANCES.get(stem(kernel), []))

    def torch_reference(self, inputs, expected):
        """bench/flagship_torch.py on the flagship's `inputs`: its report (median seconds over
        self.runs warm runs), its outputs checked against `expected`; None when torch is absent."""
        outputs, report = os.path.join(self.work, "torch-outputs"), os.path.join(self.work, "torch.json")
        result = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "flagship_torch.py"),
                                 "--inputs", inputs, "--outputs", outputs, "--runs", str(self.runs),
                                 "--report", report], capture_output=True, text=True)
        if result.returncode == TORCH_MISSING:
            print(f"skipping the torch reference: {result.stderr.strip()}", flush=True)
            return None
        if result.returncode != 0:
            fail(f"bench/flagship_torch.py: exit {result.returncode}\n{result.stdout}{result.stderr}")
        self.check(FLAGSHIP, outputs, expected)
        return load_json(report)

    def matmul(self):
        _, out, _ = run([self.matmul_bench])
        rows = re.findall(r"^(\w+)\s+(\d+x\d+x\d+)\s+TMATMUL_ACC\s+([0-9.]+) GMAC/s\s+"
                          r"TMOV\+TMOV\+TMATMUL_ACC\s+([0-9.]+) GMAC/s$", out, re.MULTILINE)
        if {row[0] for row in rows} != set(MATMUL_TARGETS):
            fail(f"cannot read isa-matmul-bench's output:\n{out}")
        return rows


def machine(build, output, load_start, seconds):
    """The machine, the date, the measured source tree (the output file aside) and the run."""
    with open("/proc/cpuinfo") as f:
        cpu = re.search(r"^model name\s*:\s*(.*)$", f.read(), re.MULTILINE)
    with open(os.path.join(build, "CMakeCache.txt")) as f:
        cxx = re.search(r"^CMAKE_CXX_COMPILER:\w+=(.*)$", f.read(), re.MULTILINE)
    _, version, _ = run([cxx.group(1), "--version"])
    _, commit, _ = run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    _, dirty, _ = run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"])
    paths = [line[3:] for line in dirty.splitlines() if os.path.join(ROOT, line[3:]) != output]
    changed = sorted({os.path.dirname(path) or path for path in paths})
    tree = commit.strip() + (f" with uncommitted changes in {', '.join(changed)}" if changed else "")
    load_end = os.getloadavg()[0]
    return table(["machine", ""], [
        ["CPU", f"{cpu.group(1) if cpu else 'unknown'}, {os.cpu_count()} cores"],
        ["date", datetime.date.today().isoformat()],
        ["source tree", tree],
        ["host compiler (kernels' C++)", version.splitlines()[0]],
        ["load average (1 min) at start / end", f"{load_start:.2f} / {load_end:.2f}"],
        ["bench/run.py run time (after the build)", f"{seconds / 60:.1f} min"],
    ])


def flagship_table(figures, compile_times):
    def roofline(r):
        f = r["roofline"]
        return (f"{num(f['bound_us'])} µs ({f['bound_by']}; cube {num(f['cube_us'])}, "
                f"vector {num(f['vector_us'])}, memory {num(f['memory_us'])})")

    def gm(r):
        paths = ", ".join(f"{path.replace('->', '→')} {megabytes(n)}" for path, n in sorted(r["bytes"].items())
                          if "GM" in path)
        return f"{megabytes(r['gm_bytes'])} MB ({paths})"

    rows = [
        ("modeled kernel time", lambda r, c: f"{num(r['modeled_us'])} µs"),
        ("launches run by the model", lambda r, c: len(r["launches"])),
        ("launches in the host program (`tilec --report`)", lambda r, c: r["static"]["launches"]),
        ("roofline bound", lambda r, c: roofline(r)),
        ("roofline ratio (bound / modeled)", lambda r, c: f"{r['roofline']['ratio']:.2f}"),
        ("GM traffic", lambda r, c: gm(r)),
        ("against the parameters once", lambda r, c: f"{r['gm_bytes'] / 1e6 / r['static']['params_mb']:.2f}× "
                                                     f"of {num(r['static']['params_mb'])} MB"),
        ("host: `tilec` .tile → C++ (median)", lambda r, c: f"{num(statistics.median(c['wall_ms']))} ms, "
                                                            f"{c['cpp_lines']} lines of C++"),
        ("host: that C++ → shared object (cold)", lambda r, c: f"{num(r['cxx_compile_s'])} s"),
        ("host: the model (warm, median)", lambda r, c: f"{num(r['model_s'])} s"),
        ("host: `tile-run` wall (warm, median)", lambda r, c: f"{num(r['measured_s'])} s"),
    ]
    return table(["figure", "fused", "unfused (`--fuse=false`)"],
                 [[name] + [cell(figures[mode], compile_times[mode]) for mode in FUSE_FLAGS] for name, cell in rows])


def fusion_table(results):
    rows = []
    for name, r in results:
        f, u = r["fused"], r["unfused"]
        rows.append([name, f"{len(u['launches'])} → {len(f['launches'])}",
                     f"{num(u['modeled_us'])} → {num(f['modeled_us'])}", f"{u['modeled_us'] / f['modeled_us']:.2f}×",
                     f"{megabytes(u['gm_bytes'])} → {megabytes(f['gm_bytes'])}",
                     f"{u['gm_bytes'] / f['gm_bytes']:.2f}×", num(f["static"]["params_mb"]),
                     f"{u['roofline']['ratio']:.2f} → {f['roofline']['ratio']:.2f}"])
    return table(["kernel", "launches", "modeled µs", "speed-up", "GM MB", "GM cut", "params once MB",
                  "roofline ratio"], rows)


def work_bound(r):
    """The work's roofline (every parameter once at HBM bandwidth, or the cube or vector work):
    its bound, what binds, and modeled / bound."""
    w = r["work_roofline"]
    return [f"{num(w['bound_us'])} ({w['bound_by']})", f"{w['modeled_over_bound']:.2f}×"]


def hbm(r):
    """HBM bytes in MB, the lines left dirty at the end (written back after the kernel) included,
    and their ratio to the parameters once."""
    l2 = r["l2"]
    hbm_bytes = l2["hbm_bytes"] + l2["dirty_at_end_bytes"]
    return [megabytes(hbm_bytes), f"{hbm_bytes / r['work_roofline']['parameter_bytes']:.2f}×"]


def kernel_table(results):
    rows = []
    for name, r in results:
        f = r["fused"]
        rows.append([name, len(f["launches"]), num(f["modeled_us"]), num(f["roofline"]["bound_us"]),
                     f["roofline"]["bound_by"], f"{f['roofline']['ratio']:.2f}", *work_bound(f),
                     megabytes(f["gm_bytes"]), f"{f['gm_bytes'] / 1e6 / f['static']['params_mb']:.2f}×",
                     *hbm(f)])
    return table(["kernel", "launches", "modeled µs", "roofline bound µs", "bound by", "ratio",
                  "work bound µs", "modeled / work bound", "GM MB", "GM / params once", "HBM MB",
                  "HBM / params once"], rows)


def compile_table(kernels, compile_times):
    def spread(values):
        return f"{num(statistics.median(values))} ({num(min(values))} – {num(max(values))})"

    rows = []
    for kernel in kernels:
        f, u = compile_times[kernel]["fused"], compile_times[kernel]["unfused"]
        rows.append([kernel, count_lines(os.path.join(KERNELS_DIR, kernel)), f"{f['cpp_lines']} / {u['cpp_lines']}",
                     spread(f["wall_ms"]), num(statistics.median(f["pipeline_ms"])), spread(u["wall_ms"]),
                     num(statistics.median(u["pipeline_ms"]))])
    return table(["kernel", ".tile lines", "C++ lines fused / unfused", "fused: wall ms", "fused: pipeline ms",
                  "unfused: wall ms", "unfused: pipeline ms"], rows)


def turnaround_table(cold, warm, runs):
    rows = []
    for name, r in (("cold (empty compile cache)", cold), (f"warm (cache hit, median of {runs})", warm)):
        rows.append([name, num(r["measured_s"]), num(r["compile_s"]), num(r["model_s"]),
                     num(r["measured_s"] - r["compile_s"] - r["model_s"])])
    return table(["run", "wall s", "C++ → shared object s", "model s",
                  ".tile → C++, random inputs, interpreter check, outputs s"], rows)


def torch_verdict(warm, torch):
    """The warm turnaround against the torch reference (target: faster)."""
    if torch is None:
        return "Not measured: torch is not installed (`apt-get install python3-torch`)."
    ratio = warm["measured_s"] / torch["seconds"]
    return (f"torch {torch['torch']} ({torch['threads']} threads, BLAS: {torch['blas']}): "
            f"**{num(torch['seconds'])} s**, median of the computation alone. Warm `tile-run --check` "
            f"takes {ratio:.2f}× that: target (faster than the torch reference) "
            + ("**met**." if ratio < 1 else "**not met**."))


def host_table(results, goldens):
    rows = []
    for name, r in results:
        f = r["fused"]
        rows.append([name, num(f["model_s"]), num(f["measured_s"]), num(goldens[name]),
                     f"{f['model_s'] / goldens[name]:.2f}"])
    return table(["kernel", "model s", "tile-run wall s", "numpy golden s", "ratio model / golden"], rows)


def scaling_table(scaling):
    rows = []
    for t, (c, r) in scaling.items():
        rows.append([t, num(statistics.median(c["wall_ms"])), c["cpp_lines"], num(r["modeled_us"]),
                     num(r["modeled_us"] / t), f"{num(r['roofline']['bound_us'])} ({r['roofline']['bound_by']})",
                     f"{r['roofline']['ratio']:.2f}", *work_bound(r), megabytes(r["gm_bytes"]),
                     f"{r['gm_bytes'] / 1e6 / r['static']['params_mb']:.2f}× of {num(r['static']['params_mb'])}",
                     *hbm(r), num(r["cxx_compile_s"]), num(r["model_s"]), num(r["measured_s"])])
    return table(["T", "tilec ms", "C++ lines", "modeled µs", "modeled µs / token", "roofline bound µs", "ratio",
                  "work bound µs", "modeled / work bound", "GM MB", "GM / params once MB", "HBM MB",
                  "HBM / params once", "host: C++ → shared object s (cold)", "host: model s",
                  "host: tile-run wall s"], rows)


def pairing_table(pairing):
    rows = []
    for (kernel, t, _), (u, p, b) in pairing:
        rows.append([stem(kernel), t, num(u["modeled_us"]), num(p["modeled_us"]), num(b["modeled_us"]),
                     f"{u['modeled_us'] / b['modeled_us']:.2f}×", *work_bound(b), *hbm(u), *hbm(b),
                     len(b["launches"])])
    return table(["kernel", "T", "neither µs", "paired µs", "paired + joined µs", "speed-up",
                  "work bound µs", "default / work bound", "HBM MB neither", "/ params",
                  "HBM MB default", "/ params", "launches run"], rows)


def streaming_table(results):
    rows = [[name, num(r["modeled_us"]), *work_bound(r), *hbm(r)]
            for (name, _), r in zip(STREAMING_ORDERS, results)]
    return table(["work items", "modeled µs", "work bound µs", "modeled / work bound", "HBM MB",
                  "HBM / params once"], rows)


def kloop_table(cases):
    """Launches and modeled time of each KLOOP_CASES form, against plain matmul (the first)."""
    plain = cases[0][1]["modeled_us"]
    rows = [[name, len(r["launches"]), num(r["modeled_us"]), f"{r['modeled_us'] / plain:.2f}×"]
            for name, r in cases]
    folded = cases[1][1]
    met = len(folded["launches"]) == 1 and folded["modeled_us"] <= KLOOP_TARGET * plain
    verdict = (f"\n\nTarget (the folded K-loop in one launch, within {KLOOP_TARGET - 1:.0%} of plain matmul): "
               + ("met." if met else "not met."))
    return table(["form", "launches", "modeled µs", "vs plain matmul"], rows) + verdict


def matmul_table(rows):
    return table(["operands", "tile", "`TMATMUL_ACC` GMAC/s", "with the two L1→L0 moves GMAC/s", "target", ""],
                 [[kind, shape, acc, step, f"≥ {MATMUL_TARGETS[kind]}",
                   "met" if float(acc) >= MATMUL_TARGETS[kind] else "not met"] for kind, shape, acc, step in rows])


def fill(template, values):
    def value(match):
        if match.group(1) not in values:
            fail(f"{TEMPLATE}: unknown placeholder {match.group(0)}")
        return str(values[match.group(1)])
    return re.sub(r"@([A-Z_]+)@", value, template)


def progress(start, message):
    print(f"[{time.perf_counter() - start:4.0f} s] {message}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"), help="CMake build directory (default build/)")
    parser.add_argument("--runs", type=int, default=3, help="warm model runs, golden runs and warm turnarounds")
    parser.add_argument("--compile-runs", type=int, default=10, help="tilec runs per kernel for its compile time")
    parser.add_argument("--output", default=os.path.join(ROOT, "docs", "performance.md"))
    args = parser.parse_args()
    try:
        import numpy  # noqa: F401  the goldens run in this process; imported here so no golden run pays for it
    except ImportError:
        fail(f"{sys.executable} has no numpy: run bench/run.py with /usr/bin/python3")
    with open(TEMPLATE) as f:
        template = f.read()
    build = os.path.abspath(args.build)
    print(f"building tilec, tile-run and isa-matmul-bench in {build}", flush=True)
    run(["cmake", "--build", build, "--target", "tilec", "tile-run", "isa-matmul-bench"])
    start, load_start = time.perf_counter(), os.getloadavg()[0]

    with tempfile.TemporaryDirectory(prefix="tilec-bench-") as work:
        bench = Bench(build, work, args.runs, args.compile_runs)
        kernels = kernel_files()
        compile_times, results, goldens = {}, [], {}
        for kernel in kernels:
            progress(start, f"kernel {kernel}")
            compile_times[kernel] = {mode: bench.compile_time(kernel, [flag]) for mode, flag in FUSE_FLAGS.items()}
            for config in [DEFAULT_CONFIGS.get(kernel, [])] + EXTRA_CONFIGS.get(kernel, []):
                name = label(kernel, config)
                directory = os.path.join(work, name.replace("/", "_").replace(" ", "_"))
                r = bench.fused_and_unfused(kernel, directory, config)
                expected = os.path.join(directory, "golden")
                goldens[name] = bench.golden(kernel, os.path.join(directory, "inputs"), expected)
                for mode in FUSE_FLAGS:
                    bench.check(kernel, r[mode]["outputs"], expected)
                results.append((name, r))
        flagship = dict(results)[label(FLAGSHIP, FLAGSHIP_SET)]

        progress(start, "turnaround")
        cold, warm = turnaround(bench.tile_run_bin, os.path.join(KERNELS_DIR, FLAGSHIP), args.runs,
                                extra=FLAGSHIP_SET)
        progress(start, "torch reference")
        flagship_dir = os.path.dirname(flagship["fused"]["outputs"])
        torch = bench.torch_reference(os.path.join(flagship_dir, "inputs"), flagship["fused"]["outputs"])

        scaling = {}
        for t in SCALING_T:
            progress(start, f"scaling T = {t}")
            defines = ["-D", f"T={t}"]
            inputs = os.path.join(work, f"scaling-{t}", "inputs")
            scaling[t] = (bench.compile_time(FLAGSHIP, defines),
                          bench.model(FLAGSHIP, defines, ["--random", "0", "--save-inputs", inputs] + FLAGSHIP_START,
                                      inputs, os.path.join(work, f"scaling-{t}", "fused")))

        pairing = []
        for case in PAIRING_CASES:
            kernel, t, sets = case
            progress(start, f"pairing: {stem(kernel)} at T = {t}")
            pairing.append((case, bench.launch_sharing(kernel, t, sets)))

        kloop = []
        for name, kernel, defines in KLOOP_CASES:
            progress(start, f"K-loop GEMM: {kernel}")
            inputs = os.path.join(work, "kloop-" + stem(kernel), "inputs")
            kloop.append((name, bench.model(kernel, defines, ["--random", "0", "--save-inputs", inputs],
                                            inputs, os.path.join(work, "kloop-" + stem(kernel), "out"))))

        progress(start, "weight streaming")
        streaming = bench.weight_streaming()

        progress(start, "isa-matmul-bench")
        matmul = bench.matmul()
        progress(start, "calibration")
        calibration = calibrate(bench.tile_run_bin)

    flagship_ms = statistics.median(compile_times[FLAGSHIP]["fused"]["wall_ms"])
    values = {
        "MACHINE": machine(build, os.path.abspath(args.output), load_start, time.perf_counter() - start),
        "FLAGSHIP_TABLE": flagship_table(flagship, compile_times[FLAGSHIP]),
        "FUSION_TABLE": fusion_table(results),
        "KERNEL_TABLE": kernel_table(results),
        "COMPILE_RUNS": args.compile_runs,
        "RUNS": args.runs,
        "FLAGSHIP_COMPILE_VERDICT": f"{num(flagship_ms)} ms, "
                                    + ("met" if flagship_ms < FLAGSHIP_COMPILE_TARGET_MS else "not met"),
        "COMPILE_TABLE": compile_table(kernels, compile_times),
        "TURNAROUND_TABLE": turnaround_table(cold, warm, args.runs),
        "TORCH_VERDICT": torch_verdict(warm, torch),
        "HOST_TABLE": host_table(results, goldens),
        "SCALING_TABLE": scaling_table(scaling),
        "MATMUL_TABLE": matmul_table(matmul),
        "KLOOP_TABLE": kloop_table(kloop),
        "STREAMING_TABLE": streaming_table(streaming),
        "PAIRING_TABLE": pairing_table(pairing),
        "CALIBRATION_TABLE": calibration_table(calibration),
    }
    with open(args.output, "w") as f:
        f.write(fill(template, values))
    progress(start, f"wrote {args.output}")


if __name__ == "__main__":
    main()
