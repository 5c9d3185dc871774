//===- IntegerReplay.h - a region's integer values, replayed -----*- C++ -*-===//
//
// Counting what a kernel does (its matmul work, tile::matmulMacs; a task's GM
// bytes, tilec --report) replays its loops with the integer values they take:
// constants, the values a caller knows (arguments, block ids), loop
// variables, and the `arith` index arithmetic and comparisons on them. In the
// tile dialect's library, the lowest MLIR layer of tilec, so that both the
// tile and the ascend levels use the one replay.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_DIALECTS_TILE_INTEGERREPLAY_H
#define TILEC_DIALECTS_TILE_INTEGERREPLAY_H

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <optional>

namespace tilec {

/// The result of the integer/index `arith` op `op` from its operands' values
/// `in`, if it is arithmetic or a comparison the replay understands.
std::optional<int64_t> foldIntegerOp(mlir::Operation *op, llvm::ArrayRef<int64_t> in);

class IntegerReplay {
public:
  explicit IntegerReplay(llvm::DenseMap<mlir::Value, int64_t> known = {})
      : values(std::move(known)) {}

  /// A known value or a constant.
  std::optional<int64_t> valueOf(mlir::Value value) const;
  void set(mlir::Value value, int64_t known) { values[value] = known; }

  /// Records the result of `op` when it folds from known operands.
  void evaluate(mlir::Operation *op);

  /// Runs `body` once per trip of `loop`, its induction variable set; false
  /// when a bound or the step is not known (or not positive), or when `body`
  /// returns false.
  bool forEachTrip(mlir::scf::ForOp loop, llvm::function_ref<bool()> body);

private:
  llvm::DenseMap<mlir::Value, int64_t> values;
};

} // namespace tilec

#endif
