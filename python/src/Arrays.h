//===- Arrays.h - numpy arrays as kernel tensors and back -------*- C++ -*-===//
//
// A numpy array is taken as a parameter's tensor in the forms a `<param>.npy`
// file may store it (runtime/tensor/Npy.h): the element type's own, uint16 bit
// patterns or float32 values (rounded to nearest even) for bf16, float64 for
// f32. Outputs come back as numpy arrays, bf16 as float32 (exact).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_PYTHON_ARRAYS_H
#define TILEC_PYTHON_ARRAYS_H

#include "runtime/interp/KernelSignature.h"

#include "llvm/Support/JSON.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>
#include <vector>

namespace tilec::python {

/// `array` as a tensor of `dtype` and `shape`; throws Failure (Input) naming
/// `role` and `name` when it is not one of the accepted forms.
HostTensor toTensor(const pybind11::array &array, DType dtype, const Shape &shape,
                    const std::string &role, const std::string &name);

/// The tensor as a numpy array (bf16 as float32 values).
pybind11::array toArray(const HostTensor &tensor);

/// A JSON value as Python objects (objects as dicts with sorted keys).
pybind11::object toPython(const llvm::json::Value &value);

} // namespace tilec::python

#endif
