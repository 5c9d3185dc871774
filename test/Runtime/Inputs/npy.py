#!/usr/bin/env python3
"""Tiny .npy fixtures for the tile-run lit tests.

  npy.py write DIR NAME=DTYPE:SHAPE:VALUES ...   e.g. x=f32:2x3:1,2,3,4,5,6  s=i32::7 (0-d)
  npy.py print FILE ...                          one line per file: name dtype [shape]: values

DTYPE is bf16 (stored as uint16 bits, values rounded to nearest even), f16, f32, i8, i32 or
u16/f64 (raw numpy types, for bad-input tests). VALUES may be `nan`, `inf`, `-inf`, or `V*R`
(V repeated R times). Floats print with 9 significant digits; bf16 files are decoded first.
"""
import os
import sys

import numpy as np

TYPES = {"bf16": np.float32, "f16": np.float16, "f32": np.float32, "i8": np.int8,
         "i32": np.int32, "u16": np.uint16, "f64": np.float64}


NAMES = {"uint16": "bf16", "float16": "f16", "float32": "f32", "int8": "i8", "int32": "i32"}


def to_bf16_bits(values):
    bits = values.astype(np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    return rounded.astype(np.uint16)


def parse_values(text):
    values = []
    for item in filter(None, text.split(",")):
        value, _, count = item.partition("*")
        values += [float(value)] * int(count or 1)
    return values


def write(directory, specs):
    os.makedirs(directory, exist_ok=True)
    for spec in specs:
        name, _, rest = spec.partition("=")
        dtype, shape_text, values_text = rest.split(":")
        shape = [int(d) for d in shape_text.split("x")] if shape_text else []
        array = np.array(parse_values(values_text), dtype=np.float64).reshape(shape)
        array = to_bf16_bits(array) if dtype == "bf16" else array.astype(TYPES[dtype])
        np.save(os.path.join(directory, name + ".npy"), array)


def show(path):
    array = np.load(path)
    name = os.path.basename(path)[:-4]
    kind = NAMES.get(array.dtype.name, array.dtype.name)
    if array.dtype == np.uint16:
        array = (array.astype(np.uint32) << 16).view(np.float32)
    integer = np.issubdtype(array.dtype, np.integer)
    values = " ".join(str(int(v)) if integer else f"{float(v):.9g}" for v in array.reshape(-1))
    print(f"{name} {kind} {list(array.shape)}: {values}")


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3:])
    else:
        for path in sys.argv[2:]:
            show(path)
