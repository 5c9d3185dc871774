// Reading and writing tensors as .npy files, the exchange format of kernel
// inputs and outputs (`<param>.npy`; bf16 is stored as u16 bit patterns).
#pragma once

#include "runtime/tensor/HostTensor.h"
#include "runtime/tensor/NpyFormat.h"
#include "runtime/tensor/Result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tilec {

/// A .npy file as stored: its element type, shape and little-endian bytes.
struct NpyArray {
  NpyElement element;
  Shape shape;
  std::vector<uint8_t> bytes;
};

/// The tensor of DType `to` that `array` holds, if it is one of the accepted
/// stored forms of `to` (see loadParameter), else nullopt.
std::optional<HostTensor> acceptAs(DType to, const NpyArray &array);

/// Reads a whole .npy file. Errors name the reason only (no path), e.g.
/// "truncated: the header promises 524288 data bytes, the file has 1000".
Result<NpyArray> readNpyArray(const std::string &path);

/// Reads a .npy file into a tensor: u16 becomes BF16 bits, f64 is rounded to
/// F32 (nearest even). Errors start with the path.
Result<HostTensor> readNpy(const std::string &path);

/// Reads the file of a kernel parameter and checks it against the
/// parameter's type. Accepted: the dtype's own file type (u16 for bf16), f32
/// for a bf16 parameter and f64 for an f32 parameter (both rounded to nearest
/// even). Any failure is one message naming the parameter, e.g.
///   input 'x' (x.npy): expected shape [128, 4096] bf16, found [128, 4095] f32
/// `role` is the first word ("input", "output", "expected output", ...).
Result<HostTensor> loadParameter(const std::string &path, std::string_view name,
                                 DType expectedDType, const Shape &expectedShape,
                                 std::string_view role = "input");

/// Writes a version 1.0 .npy file byte-identical to np.save's. The file is
/// written under a temporary name in the same directory and renamed into
/// place, so `path` is either the old file or the complete new one.
Status writeNpy(const std::string &path, const HostTensor &tensor);

} // namespace tilec
