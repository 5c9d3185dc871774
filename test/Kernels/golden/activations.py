#!/usr/bin/env python3
"""Golden for `activations` (docs/kernels.md), from the textbook formulas in f64:
gate = 1/(1+e^-x), swish = bf16(x·gate), gelu_x = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))),
cube = x³, inv_sq = x⁻², sq = x², roots = √|x| + 1/√(|x| + 1)."""
import numpy as np

from common import F32, f32_to_bf16, kernel_main


def activations(x):
    """x: [T, D] f32 values of bf16 -> the seven outputs in their file dtypes."""
    x = np.asarray(x, dtype=np.float64)
    gate = 1.0 / (1.0 + np.exp(-x))
    gelu = 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x ** 3)))
    magnitude = np.abs(x)
    with np.errstate(divide="ignore"):
        inv_sq = 1.0 / (x * x)
    return {
        "gate": gate.astype(F32),
        "swish": f32_to_bf16((x * gate).astype(F32)),
        "gelu_x": gelu.astype(F32),
        "cube": (x ** 3).astype(F32),
        "inv_sq": inv_sq.astype(F32),
        "sq": (x * x).astype(F32),
        "roots": (np.sqrt(magnitude) + 1.0 / np.sqrt(magnitude + 1.0)).astype(F32),
    }


if __name__ == "__main__":
    kernel_main(__doc__, [("x", "bf16")], lambda i, a: activations(i["x"]))
