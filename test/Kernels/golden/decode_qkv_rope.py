#!/usr/bin/env python3
"""Golden for `decode_qkv_rope` (docs/kernels.md): prefill_qkv_rope with the scalar start_pos
replaced by positions i32, one per token of x ([T] for x [T, D]; [B, S] for x [B, S, D]); a
token takes its RoPE row from its position."""
from common import InputError, kernel_main
from prefill_qkv_rope import INPUTS, qkv_rope


def decode_qkv_rope(p, positions):
    if positions.shape != p["x"].shape[:-1]:
        raise InputError(f"positions shape {list(positions.shape)} does not match x's tokens "
                         f"{list(p['x'].shape[:-1])}")
    return qkv_rope(p, positions.reshape(-1))


if __name__ == "__main__":
    kernel_main(__doc__, INPUTS + [("positions", "i32")],
                lambda i, a: decode_qkv_rope(i, i["positions"]))
