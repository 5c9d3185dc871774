// The .npy container (NumPy's NEP 1 format): the magic string, a version, and
// a Python-literal header dictionary giving the element type, memory order and
// shape, followed by the raw elements. This header only deals with that
// preamble; Npy.h reads and writes whole files.
#pragma once

#include "base/DType.h"
#include "runtime/tensor/HostTensor.h"
#include "runtime/tensor/Result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tilec {

/// Element types a .npy file may hold (little-endian). U16 is how bf16 is
/// stored; F64 is accepted on read only.
enum class NpyElement { I8, U8, I16, U16, I32, I64, F16, F32, F64 };

/// "i8", "u16", "f64", ...: the names used in messages.
std::string_view name(NpyElement e);
std::size_t sizeOf(NpyElement e);

/// The file element type that stores `dtype` (BF16 -> U16).
NpyElement npyElementOf(DType dtype);

struct NpyHeader {
  NpyElement element;
  Shape shape;
  std::size_t dataOffset; ///< where the elements start in the file
};

/// Parses the preamble at the start of `file` (versions 1.0, 2.0 and 3.0).
/// Rejects big-endian data, Fortran order and element types outside
/// NpyElement, saying which.
Result<NpyHeader> parseNpyHeader(std::string_view file);

/// A version 1.0 preamble for `dtype` and `shape`, laid out byte for byte as
/// np.save does (padding included), so the data starts 64-byte aligned.
std::string formatNpyHeader(DType dtype, const Shape &shape);

} // namespace tilec
