"""bf16 for numpy, which has no bf16 type: values are carried as float32, bits as uint16.

Both helpers round with the runtime's own conversion (nearest, ties to even; NaN stays NaN),
the rounding tilec applies to a float32 input of a bf16 parameter."""
import numpy as np

from . import _core


def _floats_or_bits(array):
    array = np.asarray(array)
    if array.dtype == np.uint16:
        return array
    return array.astype(np.float32) if array.dtype != np.float32 else array


def bf16_values(array):
    """The bf16 values of `array` as float32: floats rounded to the nearest bf16 (ties to
    even; float64 is rounded to float32 first), uint16 arrays read as bf16 bit patterns."""
    return _core.bf16_values(_floats_or_bits(array))


def bf16_bits(array):
    """The bf16 bit patterns (uint16) of the values of `array`, rounded as bf16_values."""
    array = _floats_or_bits(array)
    if array.dtype == np.uint16:
        return array.copy()
    return _core.bf16_bits(array)
