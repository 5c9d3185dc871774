#!/usr/bin/env python3
"""Golden for `rope` (docs/kernels.md): partial RoPE on the last ROPE columns, interleaved pairs
(e, o) -> (bf16(e·cos − o·sin), bf16(e·sin + o·cos)); earlier columns are copied.
ROPE = 2 · freqs_cos.shape[1]; token t uses table row start_pos + t."""
import numpy as np

from common import F32, InputError, f32_to_bf16, kernel_main, round_bf16


def table_rows(freqs, positions, used_columns):
    """freqs[positions, :used_columns] as f32, positions checked against the table size."""
    positions = np.asarray(positions, dtype=np.int64)
    if positions.size and (positions.min() < 0 or positions.max() >= freqs.shape[0]):
        raise InputError(f"positions [{positions.min()}, {positions.max()}] outside the "
                         f"{freqs.shape[0]}-row RoPE table")
    return np.asarray(freqs, dtype=F32)[positions, :used_columns]


def rotate_pairs(tail, cos, sin):
    """tail: [..., ROPE] f32 with interleaved (even, odd) pairs; cos/sin broadcast to [..., ROPE/2].
    Returns the rotated tail as bf16-rounded f32 values, interleaved again."""
    tail = np.asarray(tail, dtype=F32)
    even, odd = tail[..., 0::2], tail[..., 1::2]
    rotated = np.empty_like(tail)
    rotated[..., 0::2] = round_bf16(even * cos - odd * sin)
    rotated[..., 1::2] = round_bf16(even * sin + odd * cos)
    return rotated


def rope(x, freqs_cos, freqs_sin, start_pos):
    """x: [T, C] f32 values of bf16 -> {'y': bf16 bits}."""
    half = freqs_cos.shape[1]
    rope_cols = 2 * half
    positions = int(start_pos) + np.arange(x.shape[0])
    cos = table_rows(freqs_cos, positions, half)
    sin = table_rows(freqs_sin, positions, half)
    y = np.array(x, dtype=F32)
    y[:, -rope_cols:] = rotate_pairs(y[:, -rope_cols:], cos, sin)
    return {"y": f32_to_bf16(y)}


if __name__ == "__main__":
    kernel_main(__doc__, [("x", "bf16"), ("freqs_cos", "bf16"), ("freqs_sin", "bf16"),
                          ("start_pos", "i32")],
                lambda i, a: rope(i["x"], i["freqs_cos"], i["freqs_sin"], i["start_pos"]))
