#!/usr/bin/env python3
"""Checks conformance.py's output comparison on crafted outputs: bit-identity for a bound of 0
(±0 and a one-ULP change both count), row ULPs for a bound above 0 (cancellation near zero
stays small, NaN against a number does not), integers by value, a Bound's unit and its looser
bound in the rows where a given output differs. Needs no pto-isa."""
import contextlib
import io
import os
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conformance  # noqa: E402


def bf16(values):
    return (np.asarray(values, dtype=np.float32).view(np.uint32) >> 16).astype(np.uint16)


def verdict(expected, actual, bound):
    """compare_outputs' verdict for one output `o` with `bound`, or for the outputs of two
    dicts (name: array) with `bound` the kernel's bounds."""
    if not isinstance(expected, dict):
        expected, actual, bound = {"o": expected}, {"o": actual}, {"o": (bound, "")}
    with tempfile.TemporaryDirectory() as model, tempfile.TemporaryDirectory() as pto:
        for directory, outputs in ((model, expected), (pto, actual)):
            for name, array in outputs.items():
                np.save(os.path.join(directory, name + ".npy"), array)
        conformance.ULP_BOUNDS["selftest"] = bound
        with contextlib.redirect_stdout(io.StringIO()):
            return conformance.compare_outputs("selftest", pto, model)


# A quantised row: codes c and scale s decide y downstream; y may be 3 ulps apart only in the
# rows where c or s differ.
GIVEN = {"c": (1, ""), "s": conformance.Bound(1, "", unit="bf16"),
         "y": conformance.Bound(1, "", given=("c", "s"), given_ulps=3)}
CODES = np.int8([[3, 4], [5, 6]])
SCALES = np.float32([[0.5], [0.25]])
Y = bf16([[1.0, 2.0], [1.0, 2.0]])
Y_ROW1_3_ULPS = bf16([[1.0, 2.0], [1.0, 2.0 + 3 * 2.0 ** -6]])
CASES = [
    # (what, expected, actual, bound, passes)
    ("identical bf16", bf16([[1.0, -2.5]]), bf16([[1.0, -2.5]]), 0, True),
    ("one bf16 ULP, exact required", bf16([[1.0, 2.0]]), bf16([[1.0, 2.015625]]), 0, False),
    ("one bf16 ULP within 1", bf16([[1.0, 2.0]]), bf16([[1.0, 2.015625]]), 1, True),
    ("two bf16 ULPs beyond 1", bf16([[1.0, 2.0]]), bf16([[1.0, 2.03125]]), 1, False),
    ("-0 vs +0 is not bit-identical", np.float32([[0.0]]), np.float32([[-0.0]]), 0, False),
    ("cancellation: 1e-8 vs 2e-8 in a row of 1.0", np.float32([[1.0, 1e-8]]),
     np.float32([[1.0, 2e-8]]), 1, True),
    ("f32 off by 2 ULPs of the row max", np.float32([[1.0, 0.5]]),
     np.float32([[1.0, 0.5 + 2 * 2.0 ** -23]]), 1, False),
    ("NaN vs NaN", np.float32([[np.nan]]), np.float32([[np.nan]]), 0, True),
    ("NaN vs a number", np.float32([[1.0]]), np.float32([[np.nan]]), 1, False),
    ("int8 off by one", np.int8([[3, 4]]), np.int8([[3, 5]]), 1, True),
    ("int8 off by one, exact required", np.int8([[3, 4]]), np.int8([[3, 5]]), 0, False),
    ("int8 off by two", np.int8([[3, 4]]), np.int8([[3, 6]]), 1, False),
    ("a different shape", np.float32([[1.0, 2.0]]), np.float32([[1.0]]), 1, False),
    ("a missing output", {"o": Y, "p": Y}, {"o": Y}, {}, False),
    ("f32 one bf16 ULP apart, in bf16 ULPs", {"s": SCALES}, {"s": np.float32([[0.50390625], [0.25]])},
     GIVEN, True),
    ("f32 two bf16 ULPs apart, in bf16 ULPs", {"s": SCALES}, {"s": np.float32([[0.5078125], [0.25]])},
     GIVEN, False),
    ("3 ulps in the row whose code differs", {"c": CODES, "s": SCALES, "y": Y},
     {"c": np.int8([[3, 4], [5, 7]]), "s": SCALES, "y": Y_ROW1_3_ULPS}, GIVEN, True),
    ("3 ulps in the row whose scale differs", {"c": CODES, "s": SCALES, "y": Y},
     {"c": CODES, "s": np.float32([[0.5], [0.25 + 2.0 ** -10]]), "y": Y_ROW1_3_ULPS}, GIVEN, True),
    ("3 ulps in a row whose code and scale agree", {"c": CODES, "s": SCALES, "y": Y},
     {"c": np.int8([[3, 5], [5, 6]]), "s": SCALES, "y": Y_ROW1_3_ULPS}, GIVEN, False),
    ("4 ulps in the row whose code differs", {"c": CODES, "s": SCALES, "y": Y},
     {"c": np.int8([[3, 4], [5, 7]]), "s": SCALES,
      "y": bf16([[1.0, 2.0], [1.0, 2.0 + 4 * 2.0 ** -6]])}, GIVEN, False),
]


def main():
    failed = [what for what, expected, actual, bound, passes in CASES
              if verdict(expected, actual, bound) != passes]
    for what in failed:
        print(f"FAIL: {what}")
    print(f"compare self-test: {len(CASES) - len(failed)} of {len(CASES)} cases as expected")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
