#!/usr/bin/env python3
"""Goldens for the examples of kernels-dsl/examples/ (docs/kernels.md), written from the math.

  examples.py KERNEL --inputs DIR --outputs DIR

KERNEL is hello_world, rms_norm, layer_norm, softmax_rows, rope_rows, matmul_bf16, gemm_kloop,
gemm, gemm_eltwise, multi_proj, topk_rows, attention_scores, col_stats, topk_rounds or
online_softmax. Elementwise steps run in f32 as the math says, reductions and dot products in
f64 rounded once (common.py); GELU is the tanh form evaluated in f64.
"""
import sys

import numpy as np

from common import F32, f32_to_bf16, kernel_main, matmul_f32, round_bf16, row_sum, rsqrt


def hello_world(i):
    return {"z": i["x"] + i["y"]}


def rms_normalized(x, eps):
    x = np.asarray(x, dtype=F32)
    return x * rsqrt(row_sum(x * x) / F32(x.shape[-1]) + F32(eps))


def rms_norm(i):
    return {"y": f32_to_bf16(rms_normalized(i["x"], 1e-6) * i["gamma"])}


def layer_norm(i):
    x = np.asarray(i["x"], dtype=np.float64)
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    y = (x - mean) / np.sqrt(variance + 1e-5) * i["gamma"] + i["beta"]
    return {"y": f32_to_bf16(y.astype(F32))}


def softmax_rows(i):
    s = np.asarray(i["s"], dtype=np.float64) * 0.125
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return {"p": (e / e.sum(axis=-1, keepdims=True)).astype(F32)}


def rope_rows(i):
    x = np.asarray(i["x"], dtype=F32)
    even, odd = x[:, 0::2], x[:, 1::2]
    cos, sin = i["cos"], i["sin"]
    y = np.empty_like(x)
    y[:, 0::2] = even * cos - odd * sin
    y[:, 1::2] = even * sin + odd * cos
    return {"y": f32_to_bf16(y)}


def matmul_bf16(i):
    return {"c": matmul_f32(i["a"], i["b"])}


def gemm_kloop(i):
    return {"c": matmul_f32(i["a"], i["b"])}


def gemm(i):
    product = np.asarray(i["a"], dtype=np.float64) @ np.asarray(i["b"], dtype=np.float64)
    return {"d": (product + i["c"]).astype(F32)}


def gelu(x):
    x = np.asarray(x, dtype=np.float64)
    return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x ** 3)))


def gemm_eltwise(i):
    pre = np.asarray(i["a"], dtype=np.float64) @ np.asarray(i["w"], dtype=np.float64) + i["bias"]
    return {"y": f32_to_bf16(gelu(pre).astype(F32))}


def multi_proj(i):
    xn = round_bf16(rms_normalized(i["x"], 1e-6))
    return {name: f32_to_bf16(matmul_f32(xn, i[weight]))
            for name, weight in (("q", "wq"), ("k", "wk"), ("v", "wv"))}


def topk_rows(i, k=16):
    """Scores at or past the valid length count as -1e30; a stable sort of the negated scores
    ranks each row largest first with equal scores in column order (torch.topk's order)."""
    scores = np.asarray(i["scores"], dtype=F32)
    masked = np.where(np.arange(scores.shape[-1]) < int(i["len"]), scores, F32(-1e30))
    order = np.argsort(-masked, axis=-1, kind="stable")
    indices = order[:, :k]
    return {"values": np.take_along_axis(masked, indices, axis=-1).astype(F32),
            "indices": indices.astype(np.int32), "best": order[:, :1].astype(np.int32)}


def attention_scores(i):
    q, k, v = (np.asarray(i[name], dtype=np.float64) for name in ("q", "k", "v"))
    s = (q @ k.T) / np.sqrt(128.0)
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    p = (e / e.sum(axis=-1, keepdims=True)).astype(F32)
    return {"p": p, "o": matmul_f32(round_bf16(p), v)}


def col_stats(i):
    x = np.asarray(i["x"], dtype=np.float64)
    return {"mean": (x.sum(axis=0, keepdims=True) / x.shape[0]).astype(F32),
            "peak": x.max(axis=0).reshape(-1, 1).astype(F32)}


def topk_rounds(i, k=16):
    """The K largest distinct scores of each row, largest first: every copy of a maximum
    leaves with it, and below the K-th distinct score a row holds -1e30."""
    scores = np.asarray(i["scores"], dtype=F32)
    values = np.full((scores.shape[0], k), F32(-1e30), dtype=F32)
    for row, line in enumerate(scores):
        distinct = np.unique(line)[::-1][:k]
        values[row, :len(distinct)] = distinct
    return {"values": values}


def online_softmax(i):
    """The row maximum and the sum of exp(s - max) in f64, rounded once: what the running
    maximum and the rescaled running sum compute block by block."""
    s = np.asarray(i["s"], dtype=np.float64)
    peak = s.max(axis=-1, keepdims=True)
    total = np.exp(s - peak).sum(axis=-1, keepdims=True)
    return {"peak": peak.astype(F32), "total": total.astype(F32)}


KERNELS = {
    "hello_world": ([("x", "f32"), ("y", "f32")], hello_world),
    "rms_norm": ([("x", "bf16"), ("gamma", "bf16")], rms_norm),
    "layer_norm": ([("x", "bf16"), ("gamma", "f32"), ("beta", "f32")], layer_norm),
    "softmax_rows": ([("s", "f32")], softmax_rows),
    "rope_rows": ([("x", "bf16"), ("cos", "f32"), ("sin", "f32")], rope_rows),
    "matmul_bf16": ([("a", "bf16"), ("b", "bf16")], matmul_bf16),
    "gemm_kloop": ([("a", "bf16"), ("b", "bf16")], gemm_kloop),
    "gemm": ([("a", "bf16"), ("b", "bf16"), ("c", "f32")], gemm),
    "gemm_eltwise": ([("a", "bf16"), ("w", "bf16"), ("bias", "f32")], gemm_eltwise),
    "multi_proj": ([("x", "bf16"), ("wq", "bf16"), ("wk", "bf16"), ("wv", "bf16")], multi_proj),
    "topk_rows": ([("scores", "f32"), ("len", "i32")], topk_rows),
    "attention_scores": ([("q", "bf16"), ("k", "bf16"), ("v", "bf16")], attention_scores),
    "col_stats": ([("x", "f32")], col_stats),
    "topk_rounds": ([("scores", "f32")], topk_rounds),
    "online_softmax": ([("s", "f32")], online_softmax),
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in KERNELS:
        sys.exit(f"usage: examples.py {{{','.join(KERNELS)}}} --inputs DIR --outputs DIR")
    params, compute = KERNELS[sys.argv.pop(1)]
    kernel_main(__doc__, params, lambda inputs, args: compute(inputs))
