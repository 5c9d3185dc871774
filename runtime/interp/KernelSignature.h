//===- KernelSignature.h - a kernel's parameters as the host sees them -*- C++ -*-===//
#ifndef TILEC_RUNTIME_INTERP_KERNELSIGNATURE_H
#define TILEC_RUNTIME_INTERP_KERNELSIGNATURE_H

#include "dialects/Tile/TileOps.h"
#include "runtime/tensor/HostTensor.h"

#include "llvm/ADT/StringRef.h"

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
};

/// String argument attribute naming a parameter (`{tile.name = "x"}`).
inline constexpr llvm::StringLiteral kParameterNameAttr = "tile.name";

/// The parameters in order. A parameter is named by its `tile.name` attribute,
/// else by a NameLoc on its block argument, else `arg<N>`.
std::vector<KernelParameter> kernelParameters(tile::KernelOp kernel);

} // namespace tilec::interp

#endif
