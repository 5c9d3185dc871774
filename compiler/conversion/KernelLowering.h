//===- KernelLowering.h - one kernel into tasks and launches ----*- C++ -*-===//
//
// The state of convert-tile-to-ascend for one kernel: where every tensor value
// lives in global memory and the builders of the host program. Values and
// ops: ConvertTileToAscend.cpp; places in global memory: WindowLowering.cpp;
// scopes: ScopeLowering.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_KERNELLOWERING_H
#define TILEC_COMPILER_CONVERSION_KERNELLOWERING_H

#include "compiler/conversion/TaskLowering.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Dominance.h"

namespace tilec::conversion {

/// Whether the rows of a window of `shape` in a value of `ofShape` are
/// consecutive rows of the value's [rows, cols] matrix: below the outermost
/// leading dimension the window takes more than one index of, it takes every
/// leading dimension whole.
bool rowsAreConsecutive(llvm::ArrayRef<int64_t> ofShape, llvm::ArrayRef<int64_t> shape);

/// Whether a window of `shape` in a kernel tensor of `ofShape` takes rows no
/// single window location describes: rows of several leading dimensions (of
/// the flattened tensor) that are not consecutive. Such windows are copied by
/// a row gather or scatter (RowMap::window).
bool scatteredWindow(llvm::ArrayRef<int64_t> ofShape, llvm::ArrayRef<int64_t> shape);

/// The lowering of one kernel.
class KernelLowering {
public:
  KernelLowering(tile::KernelOp kernel, mlir::ModuleOp module, const target::TargetDescription &target)
      : kernel(kernel), module(module), target(target), host(kernel.getContext()),
        entry(mlir::OpBuilder::atBlockBegin(&kernel.getBody().front())), dominance(kernel) {}

  mlir::LogicalResult run();

private:
  mlir::LogicalResult prepare();
  mlir::LogicalResult lowerBlock(mlir::Block &block);
  mlir::LogicalResult lowerOp(mlir::Operation *op);
  mlir::LogicalResult lowerFor(mlir::scf::ForOp loop);
  mlir::LogicalResult lowerCompute(mlir::Operation *op);
  mlir::LogicalResult lowerInsert(tile::InsertOp insert);
  mlir::LogicalResult lowerReshape(tile::ReshapeOp reshape);
  mlir::LogicalResult lowerInterleave(tile::InterleaveOp interleave);
  mlir::LogicalResult lowerScope(tile::ScopeOp scope);
  GmLocation stackedHalf(tile::InterleaveOp interleave, unsigned half);

  mlir::Value entryIndex(int64_t value);
  GmLocation whole(mlir::Value buffer);
  mlir::FailureOr<GmLocation> window(mlir::Location loc, mlir::Value buffer, mlir::ValueRange offsets,
                               llvm::ArrayRef<int64_t> shape);
  /// The window of `shape` at `offsets` in a value of `ofShape` at `of`: its
  /// first row, the others consecutive when its rows are (else RowMap::window).
  mlir::FailureOr<GmLocation> subWindow(mlir::Location loc, const GmLocation &of, llvm::ArrayRef<int64_t> ofShape,
                                  mlir::ValueRange offsets, llvm::ArrayRef<int64_t> shape);
  GmLocation scratch(mlir::Location loc, MatrixShape shape, mlir::Type element);
  bool isScratch(const GmLocation &location);
  bool isOnlyUse(mlir::Value value, mlir::Operation *user);
  mlir::Value availableAt(mlir::Value value, mlir::Operation *producer);
  std::optional<GmLocation> resultHint(mlir::Value result, mlir::Operation *producer);
  /// A copy task in the chunks `chunking` gives; with `fromRows` (`toRows`),
  /// rows are gathered from (scattered to) the rows that map gives, counted
  /// from the location's first.
  mlir::LogicalResult copy(mlir::Location loc, const GmLocation &from, const GmLocation &to,
                           ascend::ChunkingAttr chunking,
                           const RowMap *fromRows = nullptr, const RowMap *toRows = nullptr);
  /// The result of `op`, a window whose first row is at `first` in a value of
  /// `ofShape` and whose rows are not consecutive there, gathered into a place
  /// of its own (where its user wants it, or a scratch tensor).
  mlir::FailureOr<GmLocation> gatherRows(mlir::Operation *op, const GmLocation &first,
                                         llvm::ArrayRef<int64_t> ofShape);
  TaskContext contextFor(mlir::Operation *op);

  tile::KernelOp kernel;
  mlir::ModuleOp module;
  const target::TargetDescription &target;
  mlir::OpBuilder host;
  mlir::OpBuilder entry; ///< at the start of the host program
  mlir::DominanceInfo dominance;
  llvm::DenseMap<mlir::Value, GmLocation> locations;
  /// The loop-carried location of each tensor operand of a loop's yield.
  llvm::DenseMap<std::pair<mlir::Operation *, unsigned>, GmLocation> carriedByOperand;
  llvm::DenseMap<int64_t, mlir::Value> entryConstants;
  /// The [rows, cols] view of each rank-3+ buffer (whole()).
  llvm::DenseMap<mlir::Value, mlir::Value> flatViews;
  /// Per interleave, the [R, 2, P] scratch holding its operands as rows e_i, o_i.
  llvm::DenseMap<mlir::Operation *, mlir::Value> stackedOperands;
  llvm::SmallVector<mlir::Operation *> lowered;                ///< side-effecting tile ops now redundant
  unsigned taskCount = 0;
};

} // namespace tilec::conversion

#endif
