#!/usr/bin/env python3
"""Golden for `quant_int8` (docs/kernels.md), per row:
amax = max(max|x|, AMAX_EPS), s = SCALE_MAX / amax, q = int8(rint(x · s)), scale = 1 / s."""
import numpy as np

from common import F32, kernel_main, rint_to_int8

SCALE_MAX = 127.0
AMAX_EPS = 1e-4


def quantize_rows(x, scale_max=SCALE_MAX, amax_eps=AMAX_EPS):
    """x: [..., D] f32 -> (q [..., D] int8, scale [..., 1] f32)."""
    x = np.asarray(x, dtype=F32)
    amax = np.maximum(np.max(np.abs(x), axis=-1, keepdims=True), F32(amax_eps))
    s = F32(scale_max) / amax
    # rint(x·s) lies within ±scale_max up to one f32 rounding, so the clip never changes a
    # value that the hardware's saturating f32→i32→f16→i8 path would keep.
    return rint_to_int8(x * s, scale_max), F32(1.0) / s


def quant_int8(x, scale_max=SCALE_MAX, amax_eps=AMAX_EPS):
    q, scale = quantize_rows(x, scale_max, amax_eps)
    return {"q": q, "scale": scale}


if __name__ == "__main__":
    def options(parser):
        parser.add_argument("--scale-max", type=float, default=SCALE_MAX)
        parser.add_argument("--amax-eps", type=float, default=AMAX_EPS)

    kernel_main(__doc__, [("x", "bf16")],
                lambda i, a: quant_int8(i["x"], a.scale_max, a.amax_eps), options)
