//===- RuntimeDims.h - run-time dims on tile.kernel arguments ---*- C++ -*-===//
//
// A run-time dim (`.tile`: `dim T <= 8192`) is an i32 argument of a
// tile.kernel carrying `tile.dim = BOUND : i64`; a !tile.gm argument whose
// first dimension it counts carries `tile.rows = INDEX : i64`, the dim's
// argument index, and is typed with the value the kernel was compiled at (the
// bound, or what `-D T=...` gave): at launch, the dim's value rows are present,
// at most that many. KernelOp's verifier checks both (docs/design.md,
// "Run-time dims").
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_DIALECTS_TILE_RUNTIMEDIMS_H
#define TILEC_DIALECTS_TILE_RUNTIMEDIMS_H

#include "dialects/Tile/TileOps.h"

#include <optional>

namespace tilec::tile {

inline constexpr llvm::StringLiteral kDimAttrName = "tile.dim";
inline constexpr llvm::StringLiteral kRowsAttrName = "tile.rows";

/// The bound of a run-time dim argument; nullopt for other arguments.
std::optional<int64_t> dimBound(KernelOp kernel, unsigned argIndex);
/// The argument index of the run-time dim counting a tensor argument's rows.
std::optional<unsigned> rowsDim(KernelOp kernel, unsigned argIndex);
/// The value run-time dim `dimArg` was compiled at: the rows of the first
/// tensor it counts, else its bound.
int64_t compiledDimValue(KernelOp kernel, unsigned dimArg);
/// Located errors for `tile.dim` and `tile.rows` on argument `argIndex`.
mlir::LogicalResult verifyRuntimeDimAttrs(KernelOp kernel, unsigned argIndex);

} // namespace tilec::tile

#endif
