#!/usr/bin/env python3
"""Golden for `prefill_qkv_rope`, step by step from /work/shared/kernels/dsv4_prefill_qkv_rope.md.

Dimensions come from the input shapes: x [B, S, D] or [T, D] (one sequence of T tokens),
wq_a [D, Q_LORA], wq_b [Q_LORA, H·HEAD_DIM], wkv [D, HEAD_DIM], freqs [MAX_POS, ROPE] (the first
ROPE/2 columns are used). Token (b, s) is row t = b·S + s and takes its RoPE row from
start_pos + s."""
import numpy as np

from common import F32, InputError, f32_to_bf16, kernel_main, matmul_f32, round_bf16
from matmul_w8a8 import int8_matmul_exact
from quant_int8 import quantize_rows
from rmsnorm import rms_normalize
from rope import rotate_pairs, table_rows

INPUTS = [("x", "bf16"), ("norm_w", "f32"), ("wq_a", "bf16"), ("wq_b", "i8"),
          ("wq_b_scale", "f32"), ("wkv", "bf16"), ("freqs_cos", "bf16"), ("freqs_sin", "bf16"),
          ("gamma_cq", "bf16"), ("gamma_ckv", "bf16")]


def qkv_rope(p, positions, qn_bf16=True):
    """p: {input name: array}; positions: [T] table row of each token; qn_bf16: round qn to bf16
    before quantising it (the spec), or quantise the f32 norm output (the f32qr variant).
    Returns {'q', 'kv', 'qr', 'qr_scale'} in file dtypes."""
    x = p["x"].reshape(-1, p["x"].shape[-1])
    head_dim = p["wkv"].shape[1]
    heads = p["wq_b"].shape[1] // head_dim
    rope_cols = p["freqs_cos"].shape[1]
    if heads * head_dim != p["wq_b"].shape[1] or rope_cols > head_dim:
        raise InputError(f"wq_b columns {p['wq_b'].shape[1]} / freqs columns {rope_cols} do not "
                         f"fit HEAD_DIM = {head_dim}")
    cos = table_rows(p["freqs_cos"], positions, rope_cols // 2)
    sin = table_rows(p["freqs_sin"], positions, rope_cols // 2)

    def rope_head(values):
        """Steps 9/10: bf16 on the NoPE part, RoPE on the last ROPE columns."""
        out = round_bf16(values)
        cs = (cos, sin) if values.ndim == 2 else (cos[:, None, :], sin[:, None, :])
        out[..., -rope_cols:] = rotate_pairs(values[..., -rope_cols:], *cs)
        return f32_to_bf16(out)

    xn = round_bf16(rms_normalize(x) * p["norm_w"])                       # 1
    qa = matmul_f32(xn, p["wq_a"])                                        # 2
    qn = rms_normalize(qa) * p["gamma_cq"]                                # 3
    if qn_bf16:
        qn = round_bf16(qn)
    qr, qr_scale = quantize_rows(qn)                                      # 4, 5
    qi = int8_matmul_exact(qr, p["wq_b"])                                 # 6
    qf = (qi.astype(F32) * qr_scale) * p["wq_b_scale"].reshape(1, -1)     # 7
    qh = rms_normalize(qf.reshape(x.shape[0], heads, head_dim))           # 8
    kvn = rms_normalize(matmul_f32(xn, p["wkv"])) * p["gamma_ckv"]        # 10
    return {"q": rope_head(qh), "kv": rope_head(kvn), "qr": qr, "qr_scale": qr_scale}


def prefill_qkv_rope(p, start_pos, qn_bf16=True):
    batch, seq = p["x"].shape[:2] if p["x"].ndim == 3 else (1, p["x"].shape[0])
    positions = np.tile(int(start_pos) + np.arange(seq), batch)
    return qkv_rope(p, positions, qn_bf16)


if __name__ == "__main__":
    def options(parser):
        parser.add_argument("--qr-from-f32", action="store_true",
                            help="the prefill_qkv_rope_f32qr variant: quantise the f32 qn")

    kernel_main(__doc__, INPUTS + [("start_pos", "i32")],
                lambda i, a: prefill_qkv_rope(i, i["start_pos"], not a.qr_from_f32), options)
