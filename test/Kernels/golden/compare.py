#!/usr/bin/env python3
"""Compares the `<output>.npy` files of an actual run with the expected (golden) ones.

  compare.py --actual DIR --expected DIR [--outputs q,kv] [--preset NAME] [--tol SPEC ...]

A point passes when |a − e| ≤ atol + rtol·|e|; an output passes when at most ratio·N points
fail and the actual values contain no NaN/Inf. uint16 files are bf16 bit patterns and are
decoded first. Every .npy in --expected is compared unless --outputs names a subset.

Tolerances: every output must match exactly (atol = rtol = ratio = 0) unless given with
  --tol NAME=ATOL,RTOL,RATIO     e.g. --tol q=1e-4,0.0078125,0.005 (repeatable; later wins)
or a preset (a --tol after it overrides it):
  --preset qkv_rope              the acceptance table of dsv4_prefill_qkv_rope.md
Prints one table row per output and exits 1 if any output fails.
"""
import argparse
import os
import sys

import numpy as np

from common import bf16_to_f32

PRESETS = {
    "qkv_rope": {"q": (1e-4, 1 / 128, 0.005), "kv": (1e-4, 1 / 128, 0.005),
                 "qr": (1.0, 0.0, 0.0), "qr_scale": (2.5e-5, 5e-3, 0.005)},
}
EXACT = (0.0, 0.0, 0.0)


def parse_tol(spec):
    name, _, numbers = spec.partition("=")
    try:
        atol, rtol, ratio = (float(v) for v in numbers.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{spec}': expected NAME=ATOL,RTOL,RATIO") from None
    return name, (atol, rtol, ratio)


def decoded(array):
    return bf16_to_f32(array).astype(np.float64) if array.dtype == np.uint16 \
        else array.astype(np.float64)


def compare_one(actual, expected, tol):
    """-> (max abs err, max rel err, failing points, N, problem or None)."""
    if actual.dtype != expected.dtype or actual.shape != expected.shape:
        return None, None, expected.size, expected.size, \
            f"found {actual.dtype.name}{list(actual.shape)}, " \
            f"expected {expected.dtype.name}{list(expected.shape)}"
    a, e = decoded(actual), decoded(expected)
    atol, rtol, ratio = tol
    finite = np.isfinite(a) & np.isfinite(e)
    err = np.where(finite, np.abs(a - e), np.inf)
    failing = int(np.count_nonzero(~(err <= atol + rtol * np.abs(np.where(finite, e, 0)))))
    nonzero = finite & (e != 0)
    max_abs = float(err.max()) if err.size else 0.0
    max_rel = float((err[nonzero] / np.abs(e[nonzero])).max()) if nonzero.any() else 0.0
    if not np.isfinite(a).all():
        return max_abs, max_rel, failing, a.size, "NaN/Inf in actual"
    if failing > ratio * a.size:
        return max_abs, max_rel, failing, a.size, "too many failing points"
    return max_abs, max_rel, failing, a.size, None


def load(directory, name):
    try:
        return np.load(os.path.join(directory, name + ".npy"), allow_pickle=False), None
    except (OSError, ValueError) as err:
        return None, f"cannot read: {err}"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actual", required=True, metavar="DIR")
    parser.add_argument("--expected", required=True, metavar="DIR")
    parser.add_argument("--outputs", metavar="NAMES", help="comma-separated subset to compare")
    parser.add_argument("--preset", choices=sorted(PRESETS))
    parser.add_argument("--tol", type=parse_tol, action="append", default=[],
                        metavar="NAME=ATOL,RTOL,RATIO")
    args = parser.parse_args()

    tols = dict(PRESETS.get(args.preset, {}))
    tols.update(args.tol)
    names = args.outputs.split(",") if args.outputs else sorted(
        f[:-4] for f in os.listdir(args.expected) if f.endswith(".npy") and not f.startswith("."))
    if not names:
        sys.exit(f"error: no .npy outputs in {args.expected}")

    print(f"{'output':<12} {'max abs err':>12} {'max rel err':>12} {'failing / N':>20}  verdict")
    ok = True
    for name in names:
        expected, problem = load(args.expected, name)
        if expected is None:
            sys.exit(f"error: expected output '{name}': {problem}")
        actual, problem = load(args.actual, name)
        max_abs = max_rel = None
        failing, size = expected.size, expected.size
        if actual is not None:
            max_abs, max_rel, failing, size, problem = compare_one(
                actual, expected, tols.get(name, EXACT))
        ok = ok and problem is None
        fmt = lambda v: "-" if v is None else f"{v:.4g}"
        verdict = "PASS" if problem is None else f"FAIL ({problem})"
        print(f"{name:<12} {fmt(max_abs):>12} {fmt(max_rel):>12} {f'{failing} / {size}':>20}  "
              f"{verdict}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
