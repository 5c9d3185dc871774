#!/usr/bin/env python3
"""Golden for `matmul_w8a8` (docs/kernels.md):
c = bf16((f32(a @ b) · a_scale) · b_scale) with an exact integer accumulation."""
import numpy as np

from common import F32, f32_to_bf16, kernel_main

COLUMN_CHUNK = 4096  # bounds the float copy of b to a few tens of MiB


def int8_matmul_exact(a, b):
    """a: [M, K] int8, b: [K, N] int8 -> exact [M, N] int32.

    numpy's integer matmul has no BLAS path and is ~10x slower, so the product runs through
    floating-point BLAS at a width where every partial sum is an exactly representable integer:
    f32 while K·127² < 2^24, else f64 (exact below 2^53)."""
    bound = a.shape[1] * 128 * 128
    if bound >= 2**53:
        raise ValueError(f"K = {a.shape[1]} too large for an exact accumulation")
    float_type = np.float32 if bound <= 2**24 else np.float64
    fa = a.astype(float_type)
    out = np.empty((a.shape[0], b.shape[1]), dtype=np.int32)
    for start in range(0, b.shape[1], COLUMN_CHUNK):
        chunk = b[:, start:start + COLUMN_CHUNK].astype(float_type)
        out[:, start:start + COLUMN_CHUNK] = (fa @ chunk).astype(np.int64)
    return out


def matmul_w8a8(a, a_scale, b, b_scale):
    """a_scale: [M, 1], b_scale: [N] f32 -> {'c': bf16 bits}."""
    acc = int8_matmul_exact(a, b).astype(F32)
    return {"c": f32_to_bf16((acc * a_scale) * np.reshape(b_scale, (1, -1)))}


if __name__ == "__main__":
    kernel_main(__doc__, [("a", "i8"), ("a_scale", "f32"), ("b", "i8"), ("b_scale", "f32")],
                lambda i, a: matmul_w8a8(i["a"], i["a_scale"], i["b"], i["b_scale"]))
