"""Every numpy-rule broadcast of rank 1..4, run on the CPU model and checked.

Each operand dimension is either full, 1, or missing (leading dimensions only).
For every such operand shape the script writes kernels (several per .tile file,
so that the model's C++ compile is shared) that use it:
  binary  - against a full operand, on the left and on the right of an op;
            f32, f16 and i32
  pairs   - two operands that both broadcast, in complementary dimensions (min:
            an op without broadcast instruction forms)
  chains  - broadcasts inside a chain of ops, so that the row fusion sees them
  explicit - the `broadcast(x, shape)` builtin, f32/f16/bf16/i32/i8 by turns
and runs `tile-run --check` (model against the reference interpreter) for each,
fused and unfused for the chains, on the given targets. `--golden` also checks
the model's outputs of a few f32/i32 kernels against numpy's own broadcasting.

Prints one summary line per file and target, and every failing run; exits 1 if
any run fails.
"""
import argparse
import itertools
import os
import subprocess
import sys

import numpy as np

# The result shape of each rank: modest sizes, the last dimension a whole
# number of 32-byte blocks for every element type.
RESULT = {1: [64], 2: [16, 64], 3: [3, 16, 64], 4: [2, 3, 16, 64]}


def operand_shapes(result):
    """Every shape broadcasting to `result`: each dim full or 1, leading dims
    possibly missing, never a rank-0 shape; the full shape itself excluded."""
    rank = len(result)
    for missing in range(rank):
        kept = result[missing:]
        for mask in itertools.product([True, False], repeat=len(kept)):
            shape = [d if full else 1 for d, full in zip(kept, mask)]
            if missing == 0 and all(mask):
                continue
            yield shape


def complementary_pairs(result):
    """Pairs of full-rank shapes that both broadcast and together cover `result`."""
    rank = len(result)
    for masks in itertools.product([(True, False), (False, True), (True, True)], repeat=rank):
        left = [d if m[0] else 1 for d, m in zip(result, masks)]
        right = [d if m[1] else 1 for d, m in zip(result, masks)]
        if left != result and right != result:
            yield left, right


def spell(shape):
    return "[" + ", ".join(str(d) for d in shape) + "]"


def name_of(shape):
    return "x".join(str(d) for d in shape)


def tensor(shape, dtype):
    return f"tensor<{spell(shape)}, {dtype}>"


def kernel(name, params, outs, lines):
    """One kernel: many broadcasts side by side, one output each."""
    signature = ", ".join(params + ["out " + o for o in outs])
    return f"kernel {name}({signature}) {{\n" + "".join(f"  {l}\n" for l in lines) + "}\n"


def binary_kernels(dtype):
    # Per operand shape `a_S` against the full `b`: on the left of a
    # non-commutative op (expanded to a full tile first) and on the right (the
    # instructions' row/column forms); f16 is computed at f32 like f32, i32 has
    # no division.
    ops = {"f32": ["{a} - b", "b / {a}"], "f16": ["b - {a}"], "i32": ["{a} - b", "b * {a}"]}[dtype]
    for rank, result in RESULT.items():
        params, outs, lines = [f"b: {tensor(result, dtype)}"], [], []
        for shape in operand_shapes(result):
            a = f"a_{name_of(shape)}"
            params.append(f"{a}: {tensor(shape, dtype)}")
            for index, op in enumerate(ops):
                outs.append(f"y{index}_{name_of(shape)}: {tensor(result, dtype)}")
                lines.append(f"y{index}_{name_of(shape)} = " + op.format(a=a))
        yield f"binary_{dtype}_r{rank}", kernel(f"binary_{dtype}_r{rank}", params, outs, lines)


def pair_kernels():
    for rank, result in RESULT.items():
        params, outs, lines = [], [], []
        for left, right in complementary_pairs(result):
            a, b = f"a_{name_of(left)}_{name_of(right)}", f"b_{name_of(left)}_{name_of(right)}"
            params += [f"{a}: {tensor(left, 'f32')}", f"{b}: {tensor(right, 'f32')}"]
            outs.append(f"y_{name_of(left)}_{name_of(right)}: {tensor(result, 'f32')}")
            lines.append(f"y_{name_of(left)}_{name_of(right)} = min({a}, {b})")
        if lines:
            yield f"pairs_r{rank}", kernel(f"pairs_r{rank}", params, outs, lines)


def chain_kernels():
    # The issue's chain: the broadcast operand feeds two ops of a fusable chain.
    for rank, result in RESULT.items():
        params, outs, lines = [f"b: {tensor(result, 'f32')}"], [], []
        for shape in operand_shapes(result):
            a = f"a_{name_of(shape)}"
            params.append(f"{a}: {tensor(shape, 'f32')}")
            outs.append(f"y_{name_of(shape)}: {tensor(result, 'f32')}")
            lines.append(f"y_{name_of(shape)} = exp({a} * b) + {a}")
        yield f"chains_r{rank}", kernel(f"chains_r{rank}", params, outs, lines)


def explicit_kernels():
    # The element types take turns over the operand shapes.
    index = 0
    for rank, result in RESULT.items():
        params, outs, lines = [], [], []
        for shape in operand_shapes(result):
            dtype = DTYPES_ALL[index % len(DTYPES_ALL)]
            index += 1
            params.append(f"a_{name_of(shape)}: {tensor(shape, dtype)}")
            outs.append(f"y_{name_of(shape)}: {tensor(result, dtype)}")
            lines.append(f"y_{name_of(shape)} = broadcast(a_{name_of(shape)}, {spell(result)})")
        yield f"explicit_r{rank}", kernel(f"explicit_r{rank}", params, outs, lines)


DTYPES_ALL = ["f32", "f16", "bf16", "i32", "i8"]

# The binary kernels' outputs also checked against numpy: (result rank,
# operand shape).
GOLDEN = [(1, [1]), (2, [16, 1]), (3, [3, 1, 64]), (3, [1, 1, 1]), (4, [2, 1, 16, 1]),
          (4, [3, 1, 1])]

# file name -> (kernels, run fused and unfused too)
FAMILIES = {
    "binary_f32": (lambda: binary_kernels("f32"), False),
    "binary_f16": (lambda: binary_kernels("f16"), False),
    "binary_i32": (lambda: binary_kernels("i32"), False),
    "pairs": (pair_kernels, False),
    "chains": (chain_kernels, True),
    "explicit": (explicit_kernels, False),
}


def run(args, cwd):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True)


def numpy_golden(work, dtype):
    """The binary kernels' GOLDEN outputs recomputed with numpy's broadcasting."""
    failures = []
    for rank, shape in GOLDEN:
        name = f"binary_{dtype}_r{rank}"
        load = lambda folder, param: np.load(os.path.join(work, folder, name, param + ".npy"))
        try:
            a, b = load("in", f"a_{name_of(shape)}"), load("in", "b")
            expected = {"y0": a - b, "y1": b * a if dtype == "i32" else b / a}
            actual = {out: load("out", f"{out}_{name_of(shape)}") for out in expected}
        except OSError as error:
            failures.append(f"FAIL golden {name} {name_of(shape)}: {error}")
            continue
        for out, value in expected.items():
            if value.shape != tuple(RESULT[rank]) or not np.array_equal(actual[out], value):
                failures.append(f"FAIL golden {name}.{out}_{name_of(shape)}: model differs from numpy")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", required=True, help="scratch directory")
    parser.add_argument("--targets", default="a2a3,a5")
    parser.add_argument("--families", default=",".join(FAMILIES))
    parser.add_argument("--golden", action="store_true",
                        help="also compare a few binary kernels with numpy")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    failures = []
    for family in args.families.split(","):
        make, both_fusions = FAMILIES[family]
        kernels = list(make())
        path = os.path.join(args.work, family + ".tile")
        with open(path, "w") as f:
            f.write("".join(text for _, text in kernels))
        outputs = sum(text.count("\n  ") for _, text in kernels)  # one line per output
        for target in args.targets.split(","):
            runs = 0
            for fuse in (["true", "false"] if both_fusions else ["true"]):
                for name, _ in kernels:
                    # Inputs are saved for the numpy golden.
                    cmd = ["tile-run", path, f"--kernel={name}", "--random=1", "--check",
                           f"--save-inputs={os.path.join(args.work, 'in', name)}",
                           f"--outputs={os.path.join(args.work, 'out', name)}",
                           f"--target={target}", f"--fuse={fuse}"]
                    done = run(cmd, args.work)
                    runs += 1
                    if done.returncode != 0 or "FAIL" in done.stdout:
                        failures.append(f"FAIL {family} {name} target={target} fuse={fuse}\n"
                                        + done.stdout + done.stderr)
            print(f"{family} {target}: {outputs} broadcasts in {len(kernels)} kernels, {runs} runs")
    if args.golden:
        # The outputs of the last target's runs.
        for dtype in ["f32", "i32"]:
            failures += numpy_golden(args.work, dtype)
        print(f"numpy golden: {2 * len(GOLDEN)} operand shapes")
    for failure in failures:
        print(failure)
    print(f"{len(failures)} failing")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
