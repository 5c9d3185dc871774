//===- KernelSignature.h - a kernel's parameters as the host sees them -*- C++ -*-===//
#ifndef TILEC_RUNTIME_INTERP_KERNELSIGNATURE_H
#define TILEC_RUNTIME_INTERP_KERNELSIGNATURE_H

#include "dialects/Tile/TileOps.h"
#include "runtime/tensor/HostTensor.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace tilec::interp {

/// One parameter of a tile.kernel: its `<name>.npy` file name, element type and
/// shape. Scalars (i32/f32 parameters) have an empty shape.
struct KernelParameter {
  std::string name;
  DType dtype;
  Shape shape;
  bool isOutput = false;
  bool isScalar = false;
  /// A run-time dim (`dim T <= 8192`, an i32 scalar): its bound.
  std::optional<int64_t> dimBound;
  /// ... and the value it was compiled at (tile::compiledDimValue).
  std::optional<int64_t> compiledValue;
  /// A tensor whose rows a run-time dim counts: that dim's parameter index.
  std::optional<unsigned> rowsDim;
};

/// String argument attribute naming a parameter (`{tile.name = "x"}`).
inline constexpr llvm::StringLiteral kParameterNameAttr = "tile.name";

/// The parameters in order. A parameter is named by its `tile.name` attribute,
/// else by a NameLoc on its block argument, else `arg<N>`.
std::vector<KernelParameter> kernelParameters(tile::KernelOp kernel);

/// Checks that each run-time dim's input (a rank-0 i32 among `inputs`, one
/// tensor per input parameter in order) equals the rows of the tensors it
/// counts; the message saying which differs otherwise.
std::optional<std::string> runtimeDimMismatch(const std::vector<KernelParameter> &parameters,
                                              const std::vector<HostTensor> &inputs);

} // namespace tilec::interp

#endif
