#!/usr/bin/env python3
"""Golden for `flash_prefill` (docs/kernels.md), from the math: causal attention per head.

q, k, v [H, S, D]; query position t attends to key positions 0 .. t:
o = bf16(f32(softmax(q · kᵀ / √D) · V)), exact (f64) before the roundings. The kernel's online
softmax rounds each KV block's P to bf16 against the running max, which no single-pass formula
reproduces, so its tests allow that rounding's error (at most 2^-8 · max|v|: bf16 keeps 8
significant bits) on top of one bf16 step of o. Shapes come from the inputs (`-D` overrides).
"""
import numpy as np

from common import F32, f32_to_bf16, kernel_main, masked_softmax


def flash_prefill(i):
    q, k, v = (np.asarray(i[name], dtype=np.float64) for name in ("q", "k", "v"))
    length, dim = q.shape[1], q.shape[2]
    scores = np.einsum("htd,hsd->hts", q, k) / np.sqrt(dim)
    causal = np.arange(length)[None, :] <= np.arange(length)[:, None]
    o = np.einsum("hts,hsd->htd", masked_softmax(scores, causal), v).astype(F32)
    return {"o": f32_to_bf16(o)}


if __name__ == "__main__":
    kernel_main(__doc__, [("q", "bf16"), ("k", "bf16"), ("v", "bf16")],
                lambda inputs, args: flash_prefill(inputs))
