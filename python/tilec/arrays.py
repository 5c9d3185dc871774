"""What a kernel parameter accepts from Python: numpy arrays, anything np.asarray takes (lists,
Python numbers) and torch tensors (when torch is installed; it is not a dependency).

Accepted per parameter type (checked again, with the shape, by the native module):
  bf16  float32 values (rounded to nearest even; float64/float16 become float32 first) or
        uint16 bit patterns; a torch.bfloat16 tensor as its bits
  f16   float16 (float32/float64 are rounded to float16 by numpy)
  f32   float32 or float64 (rounded to nearest)
  i8, i32, ... integers of any width whose values fit the type (no float arrays)"""
import numpy as np

INTEGER_TYPES = {"i8": np.int8, "u8": np.uint8, "i16": np.int16, "i32": np.int32,
                 "i64": np.int64}


def is_torch_tensor(value):
    return type(value).__module__.startswith("torch") and hasattr(value, "detach")


def from_torch(tensor):
    """A torch tensor as numpy: bf16 as its uint16 bit patterns (numpy has no bf16)."""
    import torch  # only reached when the caller passed a torch tensor

    tensor = tensor.detach().cpu()
    if tensor.dtype == torch.bfloat16:
        return tensor.contiguous().view(torch.int16).numpy().view(np.uint16)
    return tensor.numpy()


def to_torch(array, dtype):
    """A kernel output as a torch tensor of the parameter's type (bf16 from float32, exact)."""
    import torch

    tensor = torch.from_numpy(np.ascontiguousarray(array))
    return tensor.to(torch.bfloat16) if dtype == "bf16" else tensor


def as_parameter_array(value, param):
    """`value` as a numpy array in a form the native module accepts for `param` (see above).
    Raises InputError for integer values out of range or float values for an integer type."""
    from .errors import InputError

    array = from_torch(value) if is_torch_tensor(value) else np.asarray(value)
    kind = array.dtype.kind
    if param.dtype == "bf16" and kind == "f" and array.dtype != np.float32:
        return array.astype(np.float32)
    if param.dtype == "f16" and kind == "f" and array.dtype != np.float16:
        return array.astype(np.float16)
    if param.dtype in INTEGER_TYPES and kind in "iub":
        target = np.dtype(INTEGER_TYPES[param.dtype])
        if array.dtype == target:
            return array
        info = np.iinfo(target)
        if array.size and (array.min() < info.min or array.max() > info.max):
            raise InputError(f"input '{param.name}': values [{array.min()}, {array.max()}] do "
                             f"not fit {param.dtype}")
        return array.astype(target)
    if param.dtype == "f32" and kind in "iu":
        return array.astype(np.float32)
    return array
