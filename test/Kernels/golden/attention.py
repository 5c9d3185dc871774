#!/usr/bin/env python3
"""Goldens for the attention kernels of kernels-dsl/attention/ (docs/kernels.md), from the math.

  attention.py KERNEL --inputs DIR --outputs DIR

KERNEL is decode_gqa or flash_prefill. Shapes come from the inputs, so the goldens follow
`-D` overrides of the kernels. Scores, softmax and the products with V are exact (f64) and
rounded where the kernel's definition rounds:
- decode_gqa: P = bf16(f32(softmax(s))), o = bf16(f32(P · V));
- flash_prefill: o = bf16(f32(softmax(s) · V)); the kernel's online softmax rounds each block's
  P to bf16 against the running max, which no single-pass formula reproduces, so its tests
  allow that rounding's error (at most 2^-8 · max|v|: bf16 keeps 8 significant bits) on top
  of one bf16 step of o.
"""
import sys

import numpy as np

from common import F32, f32_to_bf16, kernel_main, round_bf16


def masked_softmax(scores, visible):
    """Row softmax of f64 scores over the visible positions (the others get probability 0)."""
    scores = np.where(visible, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def decode_gqa(i):
    """q [B, HQ, D], k, v [B, HKV, S, D], lens [B]: query head h reads KV head h // (HQ / HKV)."""
    q, k, v = (np.asarray(i[name], dtype=np.float64) for name in ("q", "k", "v"))
    batch, q_heads, dim = q.shape
    kv_heads, positions = k.shape[1], k.shape[2]
    group = q_heads // kv_heads
    grouped = q.reshape(batch, kv_heads, group, dim)
    scores = np.einsum("bngd,bnsd->bngs", grouped, k) / np.sqrt(dim)
    lens = np.asarray(i["lens"]).reshape(batch, 1, 1, 1)
    p = round_bf16(masked_softmax(scores, np.arange(positions) < lens).astype(F32))
    o = np.einsum("bngs,bnsd->bngd", p.astype(np.float64), v).astype(F32)
    return {"o": f32_to_bf16(o.reshape(batch, q_heads, dim))}


def flash_prefill(i):
    """q, k, v [H, S, D]: query position t attends to key positions 0 .. t."""
    q, k, v = (np.asarray(i[name], dtype=np.float64) for name in ("q", "k", "v"))
    length, dim = q.shape[1], q.shape[2]
    scores = np.einsum("htd,hsd->hts", q, k) / np.sqrt(dim)
    causal = np.arange(length)[None, :] <= np.arange(length)[:, None]
    o = np.einsum("hts,hsd->htd", masked_softmax(scores, causal), v).astype(F32)
    return {"o": f32_to_bf16(o)}


KERNELS = {
    "decode_gqa": ([("q", "bf16"), ("k", "bf16"), ("v", "bf16"), ("lens", "i32")], decode_gqa),
    "flash_prefill": ([("q", "bf16"), ("k", "bf16"), ("v", "bf16")], flash_prefill),
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in KERNELS:
        sys.exit(f"usage: attention.py {{{','.join(KERNELS)}}} --inputs DIR --outputs DIR")
    params, compute = KERNELS[sys.argv.pop(1)]
    kernel_main(__doc__, params, lambda inputs, args: compute(inputs))
