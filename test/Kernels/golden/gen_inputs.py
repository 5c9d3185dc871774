#!/usr/bin/env python3
"""Writes seeded random inputs `<param>.npy` for a kernel of docs/kernels.md.

  gen_inputs.py KERNEL --outputs DIR [--seed N] [--set NAME=VALUE ...]

Distributions: bf16/f32 uniform in [-1, 1] (bf16 rounded to nearest even, stored as uint16
bits); int8/int32 tensors uniform integers in [-127, 127]; tensors whose name ends in `scale`
uniform in [0.5, 1.5]·1e-2; freqs_cos/freqs_sin the real cos/sin of pos·θ_j with
θ_j = 10000^(−2j/ROPE), j = column mod ROPE/2, rounded to bf16; decode positions [T] uniform
in [0, MAX_POS − 1] (T sequences of one new token); scalars (0-d) 0 unless `--set start_pos=128`. Each tensor
draws from its own generator seeded by (seed, crc32(name)), so tensors do not depend on each
other.
"""
import argparse
import sys
import zlib

import numpy as np

from common import F32, FILE_DTYPES, f32_to_bf16, write_outputs

# Flagship dimensions (/work/shared/kernels/dsv4_prefill_qkv_rope.md).
D, H, HEAD_DIM, Q_LORA, ROPE, MAX_POS = 4096, 64, 512, 1024, 64, 8192


def qkv_signature(tokens, position_param):
    return [("x", "bf16", tokens + [D]), ("norm_w", "f32", [D]),
            ("wq_a", "bf16", [D, Q_LORA]), ("wq_b", "i8", [Q_LORA, H * HEAD_DIM]),
            ("wq_b_scale", "f32", [H * HEAD_DIM // 128, 128]), ("wkv", "bf16", [D, HEAD_DIM]),
            ("freqs_cos", "bf16", [MAX_POS, ROPE]), ("freqs_sin", "bf16", [MAX_POS, ROPE]),
            ("gamma_cq", "bf16", [Q_LORA]), ("gamma_ckv", "bf16", [HEAD_DIM]), position_param]


# kernel -> ([(name, dtype, shape)], ROPE width of its freqs tables, MAX_POS, S)
SIGNATURES = {
    "rmsnorm": ([("x", "bf16", [128, 1024]), ("gamma", "bf16", [1024])], None, None, None),
    "quant_int8": ([("x", "bf16", [128, 1024])], None, None, None),
    "rope": ([("x", "bf16", [128, 128]), ("freqs_cos", "bf16", [1024, 32]),
              ("freqs_sin", "bf16", [1024, 32]), ("start_pos", "i32", [])], 64, 1024, 128),
    "matmul_w8a8": ([("a", "i8", [128, 1024]), ("a_scale", "f32", [128, 1]),
                     ("b", "i8", [1024, 512]), ("b_scale", "f32", [512])], None, None, None),
    "prefill_qkv_rope": (qkv_signature([128], ("start_pos", "i32", [])), ROPE, MAX_POS, 128),
    "decode_qkv_rope": (qkv_signature([128], ("positions", "i32", [128])), ROPE, MAX_POS, 1),
}


def freqs_table(shape, rope, trig):
    pos = np.arange(shape[0], dtype=np.float64)[:, None]
    j = np.arange(shape[1]) % (rope // 2)
    theta = 10000.0 ** (-2.0 * j / rope)
    return f32_to_bf16(trig(pos * theta).astype(F32))


def random_tensor(rng, name, dtype, shape, rope, max_pos, seq):
    if name in ("freqs_cos", "freqs_sin"):
        return freqs_table(shape, rope, np.cos if name == "freqs_cos" else np.sin)
    if name == "positions":
        starts = rng.integers(0, max_pos - seq, size=(shape[0], 1), endpoint=True)
        return (starts + np.arange(seq)).reshape(shape).astype(np.int32)
    if not shape:
        return np.zeros(shape, dtype=FILE_DTYPES[dtype])
    if dtype in ("i8", "i32"):
        return rng.integers(-127, 127, size=shape, endpoint=True).astype(FILE_DTYPES[dtype])
    low, high = (0.5e-2, 1.5e-2) if name.endswith("scale") else (-1.0, 1.0)
    values = rng.uniform(low, high, size=shape).astype(F32)
    return f32_to_bf16(values) if dtype == "bf16" else values


def parse_sets(items, signature):
    dtypes = {name: dtype for name, dtype, shape in signature if not shape}
    values = {}
    for item in items:
        name, _, value = item.partition("=")
        if name not in dtypes:
            sys.exit(f"error: --set {item}: '{name}' is not a scalar parameter "
                     f"(scalars: {', '.join(dtypes) or 'none'})")
        values[name] = np.array(int(value), dtype=np.int32)
    return values


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kernel", choices=sorted(SIGNATURES))
    parser.add_argument("--outputs", required=True, metavar="DIR")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="value of a scalar parameter, e.g. start_pos=128")
    args = parser.parse_args()
    signature, rope, max_pos, seq = SIGNATURES[args.kernel]
    scalars = parse_sets(args.set, signature)
    tensors = {}
    for name, dtype, shape in signature:
        rng = np.random.default_rng([args.seed, zlib.crc32(name.encode())])
        tensors[name] = scalars.get(name, random_tensor(rng, name, dtype, shape, rope, max_pos, seq))
    write_outputs(args.outputs, tensors)


if __name__ == "__main__":
    main()
