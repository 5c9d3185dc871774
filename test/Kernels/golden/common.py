"""Shared helpers for the numpy goldens (docs/kernels.md): bf16 bits, rounding, .npy I/O, CLI.

File conventions: one `<name>.npy` per parameter; bf16 tensors are stored as uint16 bit
patterns, i8/i32 as int8/int32, f32 as float32, scalars as 0-d arrays.

Accuracy policy: elementwise steps are done in f32 exactly as the math says; reductions (row
sums, dot products) accumulate in f64 and round once to f32, because the hardware's summation
order is unspecified and the golden should be the (nearly) exact value, independent of BLAS.
"""
import argparse
import os
import sys
import tempfile

import numpy as np

F32 = np.float32

# On-disk numpy dtype of every kernel element type.
FILE_DTYPES = {"bf16": np.uint16, "f32": np.float32, "i8": np.int8, "i32": np.int32}


def bf16_to_f32(bits):
    """uint16 bf16 bit patterns -> float32 values (exact)."""
    bits = np.asarray(bits, dtype=np.uint16)
    wide = bits.reshape(-1).astype(np.uint32) << np.uint32(16)
    return wide.view(np.float32).reshape(bits.shape)


def f32_to_bf16(values):
    """float32 values -> uint16 bf16 bit patterns, round-to-nearest-even.

    Overflow rounds to +-Inf; NaN keeps its sign and top payload bits and is forced quiet so
    that truncating the payload can never turn it into Inf."""
    values = np.asarray(values, dtype=np.float32)
    bits = values.reshape(-1).view(np.uint32).astype(np.uint64)
    lsb = (bits >> np.uint64(16)) & np.uint64(1)
    rounded = (bits + np.uint64(0x7FFF) + lsb) >> np.uint64(16)
    quiet_nan = (bits >> np.uint64(16)) | np.uint64(0x0040)
    out = np.where(np.isnan(values.reshape(-1)), quiet_nan, rounded).astype(np.uint16)
    return out.reshape(values.shape)


def round_bf16(values):
    """f32 -> the nearest bf16 value, kept as f32 (the math's "→bf16")."""
    return bf16_to_f32(f32_to_bf16(values))


def rint(values):
    """Round half to even, as the hardware's rint mode."""
    return np.rint(values)


def rint_to_int8(values, limit):
    """int8(rint(v)) clipped to the symmetric range [-limit, limit]."""
    return np.clip(rint(values), -limit, limit).astype(np.int8)


def row_sum(values):
    """Sum over the last axis: f64 accumulation, one rounding to f32."""
    return np.sum(np.asarray(values, dtype=np.float64), axis=-1, keepdims=True).astype(F32)


def rsqrt(values):
    """1/sqrt(v) of an f32 argument, rounded once to f32."""
    return (1.0 / np.sqrt(np.asarray(values, dtype=np.float64))).astype(F32)


def matmul_f32(a, b):
    """f32 matrix product of exact (bf16 or f32) inputs: f64 accumulation, one rounding."""
    return (np.asarray(a, dtype=np.float64) @ np.asarray(b, dtype=np.float64)).astype(F32)


def masked_softmax(scores, visible):
    """Softmax over the last axis of f64 scores, the positions where `visible` is false taking
    no part (probability 0); every row must see at least one position."""
    scores = np.where(visible, np.asarray(scores, dtype=np.float64), -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class InputError(Exception):
    """A parameter file is missing or does not have the dtype the kernel expects."""


def load_param(directory, name, dtype):
    """Reads `<directory>/<name>.npy`; bf16 is decoded to f32 values, other dtypes are kept."""
    path = os.path.join(directory, name + ".npy")
    try:
        array = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as err:
        raise InputError(f"input '{name}' ({path}): cannot read: {err}") from None
    want = np.dtype(FILE_DTYPES[dtype])
    if array.dtype != want:
        raise InputError(f"input '{name}' ({path}): expected {dtype} stored as {want.name}, "
                         f"found {array.dtype.name}")
    return bf16_to_f32(array) if dtype == "bf16" else array


def load_inputs(directory, params):
    """params: [(name, dtype)] -> {name: array} (see load_param)."""
    return {name: load_param(directory, name, dtype) for name, dtype in params}


def save_atomic(path, array):
    """np.save through a temporary file in the same directory, so no half-written file remains."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".npy", dir=directory)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp creates 0600; give the file normal permissions
        with os.fdopen(fd, "wb") as f:
            np.save(f, array, allow_pickle=False)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def write_outputs(directory, outputs):
    """outputs: {name: array already in its file dtype (bf16 as uint16 bits)}."""
    os.makedirs(directory, exist_ok=True)
    for name, array in outputs.items():
        save_atomic(os.path.join(directory, name + ".npy"), np.ascontiguousarray(array))


def kernel_main(description, params, compute, add_options=None):
    """CLI shared by the kernel scripts: `--inputs DIR --outputs DIR` plus kernel options.

    compute(inputs, args) -> {output name: array in file dtype}."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--inputs", required=True, metavar="DIR", help="directory of <param>.npy")
    parser.add_argument("--outputs", required=True, metavar="DIR", help="where <output>.npy go")
    if add_options:
        add_options(parser)
    args = parser.parse_args()
    try:
        inputs = load_inputs(args.inputs, params)
        outputs = compute(inputs, args)
    except InputError as err:
        sys.exit(f"error: {err}")
    write_outputs(args.outputs, outputs)
