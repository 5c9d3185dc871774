//===- RuntimeRows.h - which tensors have a run-time dim's rows -*- C++ -*-===//
//
// A kernel's IR is static at the bound of each run-time dim (docs/design.md,
// "Run-time dims"); the lowering has to know which tensors hold only the
// dim's value of rows at launch. The frontend guarantees that a value's first
// dimension is a run-time dim's exactly when the values it is computed from
// row by row have it (elementwise math never pairs run-time and constant
// rows), so the tensors whose first dimensions correspond through row-wise
// ops, matmul's left side, reshapes, full-row windows, loops and scopes form
// classes, and a class is the dim's when it holds a parameter the dim counts
// (`tile.rows`). A value the analysis misses keeps its static rows, so a
// miss shows as an out-of-bounds access in the model, never as a short result.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_RUNTIMEROWS_H
#define TILEC_COMPILER_CONVERSION_RUNTIMEROWS_H

#include "dialects/Tile/TileOps.h"

#include "llvm/ADT/EquivalenceClasses.h"

#include <optional>

namespace tilec::conversion {

class RuntimeRows {
public:
  explicit RuntimeRows(tile::KernelOp kernel);

  /// A tensor's rows present at launch: the dim argument's value times
  /// `perToken` rows of its matrix form (the product of all but its last
  /// dimension).
  struct TokenRows {
    unsigned dim;     ///< the kernel argument (an i32 run-time dim)
    int64_t perToken; ///< matrix rows per token
  };
  /// The token rows of tensor `value` (a tensor or a global tensor) when a
  /// run-time dim counts its first dimension.
  std::optional<TokenRows> tokenRowsOf(mlir::Value value) const;

private:
  void join(mlir::Value a, mlir::Value b);
  void joinReshape(mlir::Value source, mlir::Value result);

  llvm::EquivalenceClasses<mlir::Value> classes;
  /// Per class leader, the dim argument counting it and the dim's bound.
  llvm::DenseMap<mlir::Value, std::pair<unsigned, int64_t>> dims;
};

} // namespace tilec::conversion

#endif
