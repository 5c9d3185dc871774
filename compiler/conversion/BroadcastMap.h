//===- BroadcastMap.h - a broadcast operand's rows and columns ---*- C++ -*-===//
//
// Tasks walk a result as a rows × cols matrix (its leading dimensions folded
// into rows, GmLocation.h). An operand that broadcasts numpy-style to the
// result folds its own leading dimensions the same way, so result row r reads
// an operand row that is a function of r's index in every leading dimension:
// the same row where the operand has size 1, the matching one elsewhere. This
// map computes that function, and the blocks of result rows in which it is
// simple: in a block the operand's rows are either consecutive or one row.
// Chunks of result rows that divide the block therefore read one window of
// the operand (a [rows, ·] tile, or a [1, ·] tile that is expanded).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_BROADCASTMAP_H
#define TILEC_COMPILER_CONVERSION_BROADCASTMAP_H

#include "compiler/conversion/TaskBuilder.h"

namespace tilec::conversion {

class BroadcastMap {
public:
  /// `operand` broadcast numpy-style to `result` (equal shapes map row r to r).
  BroadcastMap(llvm::ArrayRef<int64_t> operand, llvm::ArrayRef<int64_t> result);

  /// Result rows per block (a divisor of the result's rows): within an aligned
  /// block the operand's rows are consecutive, or all one row.
  int64_t rowBlock() const {
    return groups.empty() ? 1 : groups.back().steps * groups.back().resultStride;
  }
  /// Whether a block of result rows reads a single operand row.
  bool broadcastsRows() const { return !groups.empty() && groups.back().operandStride == 0; }
  /// Whether the operand has one column for the result's many.
  bool broadcastsCols() const { return colsBroadcast; }

  /// The operand row that result row `row` reads (index arithmetic in `task`).
  mlir::Value operandRow(TaskBuilder &task, mlir::Value row) const;

  /// Reads the same operand rows and columns for every result row.
  bool operator==(const BroadcastMap &other) const;

private:
  /// Adjacent leading dimensions of the result in which the operand is
  /// either full or size 1 throughout, coalesced; outermost first.
  struct Group {
    int64_t steps;         ///< values of the group's (coalesced) index
    int64_t resultStride;  ///< result rows per step of the group's index
    int64_t operandStride; ///< operand rows per step; 0 where it broadcasts
  };
  llvm::SmallVector<Group> groups;
  bool colsBroadcast = false;
};

} // namespace tilec::conversion

#endif
