//===- GmPlaces.h - where a kernel's tensor values live in GM ---*- C++ -*-===//
//
// The state convert-tile-to-ascend keeps for one kernel: the place in global
// memory of every tensor value lowered so far, and the builders of the host
// program. Places are whole kernel tensors, windows and sub-windows of them,
// and scratch tensors, as tile-place-gm decided (placementOf); copy tasks
// move values between places. The conversion patterns (KernelConversion.h)
// use it; it uses only the task builders below it (MoveTasks.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_GMPLACES_H
#define TILEC_COMPILER_CONVERSION_GMPLACES_H

#include "compiler/conversion/RuntimeRows.h"
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

/// Whether `value` can be used at `producer`: it dominates it, or pure index
/// arithmetic that does can be cloned there.
bool isComputableAt(mlir::Value value, mlir::Operation *producer, mlir::DominanceInfo &dominance);

/// The use whose window `result` is written into when it is placed at its
/// consumer: looking through reshapes that keep the matrix shape, the only
/// use, or with several, the store that is the only writer of an output
/// parameter; null when there is none.
mlir::OpOperand *placingUse(mlir::Value result);

/// The place tile-place-gm chose for tensor `index` of `op` (its result, or
/// for an scf.for the tensor it carries), or a located error.
mlir::FailureOr<ascend::GmPlace> placementOf(mlir::Operation *op, unsigned index);

/// The places of one kernel's tensor values.
class GmPlaces {
public:
  GmPlaces(tile::KernelOp kernel, mlir::ModuleOp module, const target::TargetDescription &target)
      : host(kernel.getContext()), entry(mlir::OpBuilder::atBlockBegin(&kernel.getBody().front())),
        kernel(kernel), module(module), target(target), dominance(kernel), runtimeRows(kernel) {}

  /// Routes the ops the lowering creates through `rewriter`, so that the
  /// dialect conversion driving it tracks them.
  void track(mlir::RewriterBase &rewriter) {
    host.setListener(rewriter.getListener());
    entry.setListener(rewriter.getListener());
  }

  /// The place of a value lowered before.
  const GmLocation &of(mlir::Value value) const { return locations.at(value); }
  bool isPlaced(mlir::Value value) const { return locations.contains(value); }
  void set(mlir::Value value, const GmLocation &place) { locations[value] = place; }
  /// Where the value of a loop's yield operand `index` is carried.
  void setCarried(mlir::scf::YieldOp yield, unsigned index, const GmLocation &place) {
    carriedByOperand[{yield, index}] = place;
  }

  mlir::Value entryIndex(int64_t value);
  GmLocation whole(mlir::Value buffer);
  mlir::FailureOr<GmLocation> window(mlir::Location loc, mlir::Value buffer,
                                     mlir::ValueRange offsets, llvm::ArrayRef<int64_t> shape);
  /// The window of `shape` at `offsets` in a value of `ofShape` at `of`: its
  /// first row, the others consecutive when its rows are (else RowMap::window).
  mlir::FailureOr<GmLocation> subWindow(mlir::Location loc, const GmLocation &of,
                                        llvm::ArrayRef<int64_t> ofShape, mlir::ValueRange offsets,
                                        llvm::ArrayRef<int64_t> shape);
  GmLocation scratch(mlir::Location loc, MatrixShape shape, mlir::Type element);
  bool isScratch(const GmLocation &location);
  static bool isOnlyUse(mlir::Value value, mlir::Operation *user);
  /// Where `result` of `producer` goes, as its `ascend.placement` says: a
  /// scratch tensor of its own, or the place its consumer gives it; an error
  /// at the producer when that consumer gives none.
  mlir::FailureOr<GmLocation> placeResult(mlir::Value result, mlir::Operation *producer);
  /// The rows e_i, o_i of the [R, 2, P] scratch holding the operands of
  /// `interleave` (its operand `half`).
  GmLocation stackedHalf(tile::InterleaveOp interleave, unsigned half);
  /// The [R, 2, P] scratch holding the operands of `interleave`.
  mlir::Value stackedOperands(tile::InterleaveOp interleave) { return stacked.lookup(interleave); }

  /// A copy task of tensor `moved` in the chunks `chunking` gives; with
  /// `fromRows` (`toRows`), rows are gathered from (scattered to) the rows
  /// that map gives, counted from the location's first. When a run-time dim
  /// counts the rows of `moved`, only those present at launch move.
  mlir::LogicalResult copy(mlir::Location loc, mlir::Value moved, const GmLocation &from,
                           const GmLocation &to,
                           ascend::ChunkingAttr chunking, const RowMap *fromRows = nullptr,
                           const RowMap *toRows = nullptr);
  /// The result of `op`, the window `from` (its rows where `rows` maps them,
  /// or consecutive), copied into a place of its own (where its user wants
  /// it, or a scratch tensor).
  mlir::FailureOr<GmLocation> copyResult(mlir::Operation *op, const GmLocation &from,
                                         const RowMap *rows);
  /// The result of `op`, a window whose first row is at `first` in a value of
  /// `ofShape` and whose rows are not consecutive there, gathered into a place
  /// of its own (where its user wants it, or a scratch tensor).
  mlir::FailureOr<GmLocation> gatherRows(mlir::Operation *op, const GmLocation &first,
                                         llvm::ArrayRef<int64_t> ofShape);
  /// The context of the task that lowers `op`, named after the kernel and op.
  TaskContext contextFor(mlir::Operation *op);
  /// The context of a task named after the kernel and `suffix`, over
  /// `tokenRows` (tokenRowsOf) when they are run-time.
  TaskContext contextNamed(llvm::StringRef suffix, mlir::Value tokenRows = {});
  /// The host value of the token rows present at launch when those of `op`
  /// (a result, or a tensor in its regions; the first of `rows` matrix rows
  /// when given) are a run-time dim's: the dim times the matrix rows per
  /// token; null when they are static.
  mlir::Value tokenRowsOf(mlir::Operation *op, std::optional<int64_t> rows = std::nullopt);
  /// The same for the rows of tensor `tensor`.
  mlir::Value tokenRowsOf(mlir::Value tensor);

  mlir::OpBuilder host;  ///< where the lowering of the current op goes
  mlir::OpBuilder entry; ///< at the start of the host program

private:
  mlir::Value availableAt(mlir::Value value, mlir::Operation *producer);
  std::optional<GmLocation> resultHint(mlir::Value result, mlir::Operation *producer);

  tile::KernelOp kernel;
  mlir::ModuleOp module;
  const target::TargetDescription &target;
  mlir::DominanceInfo dominance;
  llvm::DenseMap<mlir::Value, GmLocation> locations;
  /// The loop-carried location of each tensor operand of a loop's yield.
  llvm::DenseMap<std::pair<mlir::Operation *, unsigned>, GmLocation> carriedByOperand;
  llvm::DenseMap<int64_t, mlir::Value> entryConstants;
  /// The [rows, cols] view of each rank-3+ buffer (whole()).
  llvm::DenseMap<mlir::Value, mlir::Value> flatViews;
  /// Per interleave, the [R, 2, P] scratch holding its operands as rows e_i, o_i.
  llvm::DenseMap<mlir::Operation *, mlir::Value> stacked;
  unsigned taskCount = 0;
  mlir::Value hostTokenRows(RuntimeRows::TokenRows tokenRows);

  RuntimeRows runtimeRows;
  /// Per run-time dim and rows per token, the host's token rows (tokenRowsOf).
  llvm::DenseMap<std::pair<unsigned, int64_t>, mlir::Value> tokenRowValues;
};

} // namespace tilec::conversion

#endif
