//===- RowMap.h - which rows of a tensor a value's rows read -----*- C++ -*-===//
//
// Tasks walk a value as a rows × cols matrix (its leading dimensions folded
// into rows, GmLocation.h). The value may read another tensor whose rows are
// not its own: a broadcast operand (numpy rules) repeats rows where it has
// size 1, and a window that takes part of an inner leading dimension for
// several indices of an outer one skips rows. Either way value row r reads a
// tensor row that is a function of r's index in every leading dimension; this
// map computes that function, and the blocks of value rows in which it is
// simple: in a block the tensor's rows are either consecutive or one row.
// Chunks of rows that divide the block therefore read one window of the
// tensor (a [rows, ·] tile, or a [1, ·] tile that is expanded).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_ROWMAP_H
#define TILEC_COMPILER_CONVERSION_ROWMAP_H

#include "compiler/conversion/TaskBuilder.h"

namespace tilec::conversion {

class RowMap {
public:
  /// `operand` broadcast numpy-style to `result` (equal shapes map row r to r).
  RowMap(llvm::ArrayRef<int64_t> operand, llvm::ArrayRef<int64_t> result);
  /// A window of `shape` at offset zero of a tensor of `of` (same rank).
  static RowMap window(llvm::ArrayRef<int64_t> shape, llvm::ArrayRef<int64_t> of);

  /// Value rows per block (a divisor of the value's rows): within an aligned
  /// block the tensor's rows are consecutive, or all one row.
  int64_t rowBlock() const;
  /// Whether a block of value rows reads a single tensor row.
  bool broadcastsRows() const { return !groups.empty() && groups.back().operandStride == 0; }
  /// Whether the tensor has one column for the value's many.
  bool broadcastsCols() const { return colsBroadcast; }

  /// The tensor row that value row `row` reads (index arithmetic in `task`).
  mlir::Value operandRow(TaskBuilder &task, mlir::Value row) const;

  /// Reads the same tensor rows and columns for every value row.
  bool operator==(const RowMap &other) const;

private:
  RowMap() = default;
  /// Adds the next leading dimension outwards: `extent` value rows' worth of
  /// index, `resultStride` value rows and `operandStride` tensor rows per step.
  void addOuter(int64_t extent, int64_t resultStride, int64_t operandStride);

  /// Adjacent leading dimensions of the value that read the tensor with one
  /// stride, coalesced; outermost first.
  struct Group {
    int64_t steps;         ///< values of the group's (coalesced) index
    int64_t resultStride;  ///< value rows per step of the group's index
    int64_t operandStride; ///< tensor rows per step; 0 where it broadcasts
  };
  llvm::SmallVector<Group> groups;
  bool colsBroadcast = false;
};

} // namespace tilec::conversion

#endif
