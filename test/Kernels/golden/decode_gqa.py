#!/usr/bin/env python3
"""Golden for `decode_gqa` (docs/kernels.md), from the math: grouped-query decode attention.

q [B, HQ, D], k, v [B, HKV, S, D], lens [B]; query head h reads KV head h // (HQ / HKV) and the
positions below lens[b]. Scores, softmax and P · V are exact (f64), rounded where the kernel's
definition rounds: P = bf16(f32(softmax(q · kᵀ / √D))), o = bf16(f32(P · V)). Shapes come from
the inputs, so the golden follows `-D` overrides of the kernel.
"""
import numpy as np

from common import F32, f32_to_bf16, kernel_main, masked_softmax, round_bf16


def decode_gqa(i):
    q, k, v = (np.asarray(i[name], dtype=np.float64) for name in ("q", "k", "v"))
    batch, q_heads, dim = q.shape
    kv_heads, positions = k.shape[1], k.shape[2]
    grouped = q.reshape(batch, kv_heads, q_heads // kv_heads, dim)
    scores = np.einsum("bngd,bnsd->bngs", grouped, k) / np.sqrt(dim)
    lens = np.asarray(i["lens"]).reshape(batch, 1, 1, 1)
    p = round_bf16(masked_softmax(scores, np.arange(positions) < lens).astype(F32))
    o = np.einsum("bngs,bnsd->bngd", p.astype(np.float64), v).astype(F32)
    return {"o": f32_to_bf16(o.reshape(batch, q_heads, dim))}


if __name__ == "__main__":
    kernel_main(__doc__, [("q", "bf16"), ("k", "bf16"), ("v", "bf16"), ("lens", "i32")],
                lambda inputs, args: decode_gqa(inputs))
