#!/usr/bin/env python3
"""One conformance check: a kernel's C++ on the CPU model against the same C++ on pto-isa.

  conformance.py (KERNEL.tile [--kernel NAME] [--set DIM=VALUE]... --target a2a3|a5
                  [--unfused] [--unpaired | --expect-mixed] [--ascend MODULE.mlir]
                 | --bf16-check) --work DIR --tools DIR --src-root DIR --pto-isa DIR --cxx CLANG++

1. tilec writes the kernel's C++ (fused, or one task per op with --unfused; fused, a matmul
   and the vector chain that reads it run as one mixed launch where that pays, unless
   --unpaired), at the bound of each run-time dim; with --ascend, the C++ is instead that of a
   hand-written ascend-level module (planned, synchronised and emitted by tile-opt and
   tile-translate), whose meaning KERNEL.tile gives;
2. tile-run runs that file on the CPU model on seeded random inputs, saving inputs and outputs
   (with --set, at that value of a run-time dim: the bound's C++ on fewer rows);
3. CLANG++ compiles the same file, unmodified, against pto-isa's headers for its CPU simulator
   (C++23, -D__CPU_SIM, pto-isa's own pre-includes, the target's memory model) with this
   folder's include/ first: <tilec/launch.h> (the launch ABI on the simulator) and a
   <stdfloat> that makes bfloat16_t real bf16; and force-included CrossCoreStandIns.h, the
   harness's stand-ins for the CANN cross-core flag calls the simulator lacks;
4. pto-isa-run runs it on the saved inputs (a mixed launch's AIC and AIVs on threads of their
   own);
5. every output is compared with the model's bit for bit, except where ULP_BOUNDS allows
   more (instructions whose arithmetic order differs; see docs/runtime-isa.md).

Prints each step, then one row per output; exits 1 on the first failing step or any output
outside its bound.
"""
import argparse
import os
import subprocess
import sys
from dataclasses import dataclass

import numpy as np

# pto-isa's CPU simulator is one architecture-neutral implementation (its headers do not build
# with __CPU_SIM and an __NPU_ARCH__ together); what differs per target is the memory model the
# harness's BindCore sizes it with (include/tilec/launch.h: NPUArch::A2A3 or A5).
ARCH_FLAGS = {"a2a3": [], "a5": ["-DTILEC_SIM_A5"]}

# Outputs allowed to differ from the model, and why: the instructions on their path whose
# arithmetic differs between the model and pto-isa's CPU simulator (docs/runtime-isa.md,
# "Conformance with pto-isa"). A bound is in units in the last place of the largest |value| in
# the element's row (integers: in units), or a Bound. Every other output must be bit-identical.
ROW_NORM = "TROWSUM order, TRSQRT rounding"
PROJECTION = ROW_NORM + ", f32 matmul order"
MATMUL = "f32 matmul order"


@dataclass(frozen=True)
class Bound:
    """A bound in `ulps` of the float format `unit` (None: the output's own type), except in
    the token rows (first dimension) where one of the outputs `given` differs: there
    `given_ulps`. For outputs downstream of a rounding decision (a quantisation's codes and
    scale): where both sides decided alike, the path is checked tightly."""
    ulps: float
    reason: str
    unit: str = None
    given: tuple = ()
    given_ulps: float = 0


# The DeepSeek kernels' q path rounds at two decisions: qn to bf16, then qn to INT8 codes by its
# row's amax. The order differences above move a qn element across a rounding tie now and then
# (at seed 1, T = 8192: 3404 of 8.4M codes one apart in 1112 rows); when that element is its
# row's amax, the scale moves one bf16 step (8 rows), and every code of the row re-rounds.
# Measured at T = 8192: q within 1 ulp in rows whose codes and scale agree, 2 where a code
# differs, 5 where the scale does.
DEEPSEEK_BOUNDS = {
    "kv": (1, PROJECTION),
    "qr": (1, PROJECTION + ", qn at a rounding tie"),
    "qr_scale": Bound(2, PROJECTION + ", amax(|qn|) one bf16 step apart", unit="bf16"),
    "q": Bound(1, PROJECTION, given=("qr", "qr_scale"), given_ulps=8),
}
ULP_BOUNDS = {
    "rmsnorm": {"y": (1, ROW_NORM)},
    "decode_qkv_rope": DEEPSEEK_BOUNDS,
    "prefill_qkv_rope": DEEPSEEK_BOUNDS,
    # As the flagship but for what its f32 qn exposes: a few elements of xn = bf16(rms_norm(x))
    # round one step apart (ROW_NORM, at ties), and the K = 4096 q projection carries that step
    # to ~2^-12 of the row's f32 values, which this variant quantises without a bf16 round
    # (measured: qr_scale 2.68e3, q 1.5). The path itself, from equal inputs, is checked
    # tightly by f32_quant_path (test/Conformance/kernels/).
    "prefill_qkv_rope_f32qr": {**DEEPSEEK_BOUNDS,
                               "q": (2, PROJECTION + ", qr codes one apart"),
                               "qr_scale": (2 ** 12, PROJECTION + ", xn's bf16 round at ties")},
    "f32_quant_path": {"qa": (11, MATMUL), "qn": (9, PROJECTION), "qr": (1, PROJECTION),
                       "qr_scale": (8, PROJECTION)},
    # kernels-dsl/examples: f32 outputs of a matmul keep the order's difference (K = 256, 512:
    # 16 and 32 cube steps); bf16 outputs round it away but for ties.
    "activations": {"gelu_x": (1, "TEXP rounding"), "roots": (1, "TRSQRT rounding")},
    "matmul": {"c": (4, MATMUL)},
    # test/Conformance/kernels/runtime_rows.tile: K = 64, measured 2 (at T = 77).
    "rt_rows_and_matmul": {"c": (4, MATMUL)},
    # The folded K-loops: one matmul over K = 256 (gemm_kloop) and K = 512 then the add of c
    # (gemm); measured 5 for both.
    "gemm_kloop": {"c": (5, MATMUL)},
    "gemm": {"d": (5, MATMUL)},
    "gemm_eltwise": {"y": (1, MATMUL + ", TEXP rounding")},
    "multi_proj": {name: (1, PROJECTION) for name in ("q", "k", "v")},
    # The kernels of the pairing tests (test/Conversion, run with --pair-cube-vector): a K = 64
    # matmul into an RMSNorm, f32 (measured 4 for both) or rounded to bf16 (measured 0.5).
    "pair-cube-vector": {"y": (4, PROJECTION)},
    "pair-cube-vector-runtime-rows": {"y": (4, PROJECTION)},
    "pair-cube-vector-whole": {"y": (1, PROJECTION)},
    # The vector -> cube pairing test's kernel: a K = 256 matmul of a scaled A (measured 5).
    "pair-vector-cube": {"y": (5, MATMUL)},
    # The hand-written mixed launches (conformance_format.HAND_WRITTEN_CASES): 2 (x @ w) and
    # bf16(2 x) @ w, K = 32.
    "mixed-launch": {"y": (2, MATMUL)},
    "mixed-launch-v2c": {"y": (2, MATMUL)},
    # test/Runtime/stream-weights.tile, its work items column by column (--stream-weights):
    # K = 256 (measured 6 and 5 at T = 300) and K = 128 (measured 4).
    "joined": {"q": (6, MATMUL), "k": (5, MATMUL)},
    "wide": {"c": (4, MATMUL)},
    "softmax": {"p": (2, "TROWSUM order, TEXP rounding")},
    # The running sum of the loop on chip (measured 2); the running max is exact.
    "online_softmax": {"total": (2, "TROWSUM order, TEXP rounding")},
    # Per KV block: Q·Kᵀ, the exponentials and P·V in f32, o rounded to bf16 (measured 1).
    "flash_prefill": {"o": (1, MATMUL + ", TROWSUM order, TEXP rounding")},
    # Q·Kᵀ (K = 128) through a softmax, then P·V (K = 200: 12 cube steps and a tail).
    "attention_scores": {name: (4, MATMUL + ", TROWSUM order, TEXP rounding") for name in ("p", "o")},
}

SEED = 1
HERE = os.path.dirname(os.path.abspath(__file__))


def run_step(name, command, log):
    """Runs one step; returns its stdout, or None after printing why it failed."""
    print(f"  {name}: {' '.join(command)}")
    result = subprocess.run(command, capture_output=True, text=True)
    log.write(f"$ {' '.join(command)}\n{result.stdout}{result.stderr}\n")
    if result.returncode == 0:
        return result.stdout
    lines = (result.stderr or result.stdout).strip().splitlines()
    shown = lines[:40] + ([f"... ({len(lines) - 40} more lines in {log.name})"] if len(lines) > 40 else [])
    print(f"  FAIL: {name} exited with {result.returncode}:")
    print("\n".join("    " + line for line in shown))
    return None


# Significand bits after the point and the smallest normal exponent of each float output type.
FLOAT_FORMATS = {"bf16": (7, -126), "float16": (10, -14), "float32": (23, -126)}


def as_float64(array):
    """Values of an output file (uint16: bf16 bit patterns)."""
    if array.dtype == np.uint16:
        return (array.astype(np.uint32) << 16).view(np.float32).astype(np.float64)
    return array.astype(np.float64)


def row_ulp_distance(actual, expected, type_name):
    """Per element: |a - e| in units in the last place of the largest |e| in its row (the last
    dimension) -- the scale at which a sum over the row, or the dot product behind an element,
    rounds, so cancellation does not turn an ordering difference into millions of ULPs. Equal
    values and NaN vs NaN are 0; NaN or an infinity against anything else is infinite."""
    significand, min_exponent = FLOAT_FORMATS[type_name]
    a, e = as_float64(actual), as_float64(expected)
    rows = e.reshape(-1, e.shape[-1]) if e.ndim else e.reshape(1, 1)
    finite = np.where(np.isfinite(rows), np.abs(rows), 0.0)
    exponent = np.floor(np.log2(np.maximum(finite.max(axis=1), 2.0 ** min_exponent)))
    ulp = np.broadcast_to((2.0 ** (exponent - significand))[:, None], rows.shape).reshape(e.shape)
    with np.errstate(invalid="ignore"):
        distance = np.abs(a - e) / ulp
    same = (a == e) | (np.isnan(a) & np.isnan(e))
    distance[same] = 0.0
    distance[~same & ~np.isfinite(distance)] = np.inf
    return distance


def differs(actual, expected):
    """Per element: whether the two differ in their bits (NaN against NaN does not)."""
    if expected.dtype.kind != "f" and expected.dtype != np.uint16:
        return actual != expected
    bits = f"u{expected.itemsize}"
    both_nan = np.isnan(as_float64(actual)) & np.isnan(as_float64(expected))
    return (actual.view(bits) != expected.view(bits)) & ~both_nan


def given_row_differs(actual, expected, rows):
    """Per token row: whether an output a Bound is given differs there (everywhere when the
    simulator's is missing or misshapen, which fails on its own)."""
    if actual is None or actual.shape != expected.shape or actual.dtype != expected.dtype:
        return np.ones(rows, dtype=bool)
    return differs(actual, expected).reshape(rows, -1).any(axis=1)


def load_outputs(directory):
    """The outputs in `directory` by name (<name>.npy)."""
    return {f[:-4]: np.load(os.path.join(directory, f)) for f in sorted(os.listdir(directory))
            if f.endswith(".npy")}


def compare_outputs(kernel, pto_dir, model_dir):
    """Prints one row per output; True when every output is within its bound: bit-identical for
    a bound of 0, else every element within its Bound (integers: in units)."""
    bounds = {name: entry if isinstance(entry, Bound) else Bound(*entry)
              for name, entry in ULP_BOUNDS.get(kernel, {}).items()}
    model, pto = load_outputs(model_dir), load_outputs(pto_dir)
    print(f"  {'output':<10} {'type':<8} {'differing / N':>20} {'max ulp':>8} {'bound':>6}  verdict")
    passed = True
    for name, expected in model.items():
        actual = pto.get(name)
        type_name = "bf16" if expected.dtype == np.uint16 else expected.dtype.name
        bound = bounds.get(name, Bound(0, ""))
        if actual is None or actual.dtype != expected.dtype or actual.shape != expected.shape:
            found = "nothing" if actual is None else f"{actual.dtype.name}{list(actual.shape)}"
            print(f"  {name:<10} {type_name:<8} FAIL: found {found}, "
                  f"expected {expected.dtype.name}{list(expected.shape)}")
            passed = False
            continue
        if type_name in FLOAT_FORMATS:
            distance = row_ulp_distance(actual, expected, bound.unit or type_name)
        else:
            distance = np.abs(actual.astype(np.int64) - expected.astype(np.int64)).astype(np.float64)
        differing = int(np.count_nonzero(differs(actual, expected)))
        # Token rows where a decision upstream went the other way get the looser bound.
        rows = expected.shape[0] if expected.ndim else 1
        given_rows = np.zeros(rows, dtype=bool)
        for other in bound.given:
            given_rows |= given_row_differs(pto.get(other), model[other], rows)
        limit = np.where(given_rows, float(bound.given_ulps), float(bound.ulps))
        per_row = distance.reshape(rows, -1).max(axis=1, initial=0.0)
        worst = float(per_row.max(initial=0.0))
        ok = differing == 0 if bound.ulps == 0 and not bound.given else bool((per_row <= limit).all())
        passed &= ok
        worst_text = "inf" if np.isinf(worst) else f"{worst:.3g}"
        unit = f"; in {bound.unit} ulps" if bound.unit else ""
        given = (f"; {bound.given_ulps} in the {int(given_rows.sum())} rows where "
                 f"{' or '.join(bound.given)} differ" if bound.given else "")
        reason = f"  ({bound.reason}{unit}{given})" if bound.reason else ""
        print(f"  {name:<10} {type_name:<8} {f'{differing} / {expected.size}':>20} {worst_text:>8} "
              f"{bound.ulps:>6}  {'PASS' if ok else 'FAIL'}{reason}")
    return passed


def has_mixed_launch(cpp):
    """Whether the emitted C++ at `cpp` calls HostApi::launchMixed."""
    with open(cpp) as source:
        return "host->launchMixed(" in source.read()


def compile_command(cxx, target, pto_isa, src_root, rest):
    """`cxx` building against pto-isa's CPU simulator, as every kernel is built (tile-smith's
    pto-isa oracle builds its kernels with it too)."""
    return [
        cxx, "-std=c++23", "-O2",
        # pto-isa's CPU-simulator builds pre-include these (tests/cpu/st/CMakeLists.txt).
        "-include", "stdint.h", "-include", "stddef.h",
        "-D__CPU_SIM", "-D__STDCPP_BFLOAT16_T__=1", "-DPTO_CPU_SIM_ENABLE_BF16=1",
        "-DCPU_SIM_BFLOAT_ENABLED=1", *ARCH_FLAGS[target],
        "-I" + os.path.join(HERE, "include"), "-I" + os.path.join(pto_isa, "include"),
        "-I" + src_root, "-include", os.path.join(HERE, "CrossCoreStandIns.h"),
        os.path.join(HERE, "Bf16Runtime.cpp"), *rest]


def build_command(args, rest):
    """compile_command with this run's compiler, target and checkouts."""
    return compile_command(args.cxx, args.target, args.pto_isa, args.src_root, rest)


def bf16_check(args):
    """Builds and runs bf16-check.cpp as kernels are built: bfloat16_t must be bf16."""
    program = os.path.join(args.work, "bf16-check")
    with open(os.path.join(args.work, "log.txt"), "w") as log:
        if run_step("build", build_command(args, [os.path.join(HERE, "bf16-check.cpp"), "-o", program]),
                    log) is None:
            return 1
        output = run_step("run", [program], log)
    if output is None:
        return 1
    print(output, end="")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("kernel_file", nargs="?")
    parser.add_argument("--bf16-check", action="store_true",
                        help="instead of a kernel: check that the harness's bfloat16_t is bf16")
    parser.add_argument("--kernel", help="the kernel to run, in a file of several (bounds: by its name)")
    parser.add_argument("--set", action="append", default=[], metavar="DIM=VALUE",
                        help="run at this value of a run-time dim (the C++ stays the bound's)")
    parser.add_argument("--target", choices=sorted(ARCH_FLAGS), default="a2a3")
    parser.add_argument("--unfused", action="store_true")
    parser.add_argument("--unpaired", action="store_true",
                        help="compile with tilec --pair-cube-vector=false (no mixed launches); "
                             "the model and pto-isa run that same C++")
    parser.add_argument("--stream-weights", action="store_true",
                        help="compile with tilec --stream-weights=always (every unpaired matmul's "
                             "work items column by column)")
    parser.add_argument("--ascend", metavar="MODULE.mlir",
                        help="run the C++ of this hand-written ascend-level module instead of "
                             "tilec's (KERNEL.tile is its meaning)")
    parser.add_argument("--expect-mixed", action="store_true",
                        help="fail unless the C++ makes a mixed launch (a case meant to run paired)")
    parser.add_argument("--work", required=True)
    parser.add_argument("--tools", required=True, help="tilec's bin/ (tilec, tile-run, pto-isa-run)")
    parser.add_argument("--src-root", required=True)
    parser.add_argument("--pto-isa", required=True, help="the pto-isa checkout (its include/ is used)")
    parser.add_argument("--cxx", required=True, help="clang++-22")
    args = parser.parse_args()
    if not args.bf16_check and not args.kernel_file:
        parser.error("give a kernel file or --bf16-check")

    os.makedirs(args.work, exist_ok=True)
    if args.bf16_check:
        return bf16_check(args)
    kernel = args.kernel or os.path.splitext(os.path.basename(args.kernel_file))[0]
    choice = ["--kernel", args.kernel] if args.kernel else []
    # The run's shapes: tile-run takes the dim's value, pto-isa-run the shapes at it.
    model_values = [flag for value in args.set for flag in ("--set", value)]
    pto_values = ["-D" + value for value in args.set]
    fuse = "--fuse=false" if args.unfused else "--fuse=true"
    pairing = ["--pair-cube-vector=false"] if args.unpaired else []
    order = ["--stream-weights=always"] if args.stream_weights else []
    cpp, obj = os.path.join(args.work, "kernel.cpp"), os.path.join(args.work, "kernel.so")
    inputs, model, pto = (os.path.join(args.work, d) for d in ("in", "model", "pto-isa"))
    print(f"conformance: {kernel} on {args.target}, {'unfused' if args.unfused else 'fused'}"
          f"{', unpaired' if args.unpaired else ''}{', weights streamed' if args.stream_weights else ''}")
    tool = lambda name: os.path.join(args.tools, name)
    planned = os.path.join(args.work, "planned.mlir")
    compile_steps = [
        ("tile-opt", [tool("tile-opt"), args.ascend or "", "--ascend-plan-memory",
                      "--ascend-insert-sync", "-o", planned]),
        ("tile-translate", [tool("tile-translate"), "--ascend-to-cpp", planned, "-o", cpp]),
    ] if args.ascend else [
        ("tilec", [tool("tilec"), args.kernel_file, "--target", args.target, fuse, *pairing,
                   *order, "-o", cpp]),
    ]
    steps = [
        *compile_steps,
        ("model", [tool("tile-run"), args.kernel_file, *choice, "--target", args.target, "--cpp", cpp,
                   "--random", str(SEED), *model_values, "--save-inputs", inputs, "--outputs", model]),
        ("pto-isa build", build_command(args, ["-fPIC", "-shared", cpp, "-o", obj])),
        ("pto-isa run", [tool("pto-isa-run"), args.kernel_file, *choice, *pto_values, "--object", obj,
                         "--inputs", inputs, "--outputs", pto]),
    ]
    with open(os.path.join(args.work, "log.txt"), "w") as log:
        for name, command in steps:
            if run_step(name, command, log) is None:
                return 1
            # A paired case whose kernel no longer pairs would test nothing paired.
            if name == "tilec" and args.expect_mixed and not has_mixed_launch(cpp):
                print("  FAIL: tilec made no mixed launch (launchMixed) of a kernel meant to pair")
                return 1
    return 0 if compare_outputs(kernel, pto, model) else 1


if __name__ == "__main__":
    sys.exit(main())
