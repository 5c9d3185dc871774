#!/usr/bin/env python3
"""Golden for `rmsnorm` (docs/kernels.md): y = bf16(x · rsqrt(mean(x², row) + EPS) · gamma)."""
import numpy as np

from common import F32, f32_to_bf16, kernel_main, row_sum, rsqrt

EPS = 1e-6


def rms_normalize(x, eps=EPS):
    """x · rsqrt(mean(x², last axis) + eps) in f32 (no gamma)."""
    x = np.asarray(x, dtype=F32)
    mean_sq = row_sum(x * x) / F32(x.shape[-1])
    return x * rsqrt(mean_sq + F32(eps))


def rmsnorm(x, gamma, eps=EPS):
    """x: [T, D] f32 values of bf16, gamma: [D] -> {'y': bf16 bits}."""
    return {"y": f32_to_bf16(rms_normalize(x, eps) * gamma)}


if __name__ == "__main__":
    kernel_main(__doc__, [("x", "bf16"), ("gamma", "bf16")],
                lambda i, a: rmsnorm(i["x"], i["gamma"], a.eps),
                lambda p: p.add_argument("--eps", type=float, default=EPS))
