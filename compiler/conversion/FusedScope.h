//===- FusedScope.h - the task of a fused vector scope ---------*- C++ -*-===//
//
// Builds the one AIV task of a fused scope for a given chunking
// (FusedTasks.cpp). tile-select-strategy builds trials of it to measure a
// chunking (StrategyFused.cpp); convert-tile-to-ascend builds the chosen one.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_FUSEDSCOPE_H
#define TILEC_COMPILER_CONVERSION_FUSEDSCOPE_H

#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/TaskLowering.h"
#include "compiler/conversion/VectorEmitter.h"
#include "compiler/transforms/RowFusion.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/DenseSet.h"

#include <numeric>

namespace tilec::conversion {

/// Builds the task of one scope for a given chunking.
class FusedScope {
public:
  FusedScope(tile::ScopeOp scope, int64_t rows,
             llvm::function_ref<const GmLocation &(mlir::Value)> locationOf, TaskContext &context)
      : scope(scope), rows(rows), locationOf(locationOf), context(context) {
    // An op runs per chunk when it reads, directly or not, a tensor with the
    // token rows (or broadcast to them) from outside the scope; a loop runs
    // per chunk, and so does everything in it.
    rowBlock = rows;
    for (mlir::Operation &op : scope.getBody().front().without_terminator()) {
      if (llvm::isa<mlir::scf::ForOp>(op) ||
          llvm::any_of(op.getOperands(), [&](mlir::Value operand) { return isPerChunk(operand); }))
        for (mlir::Value result : op.getResults())
          chunked.insert(result);
      op.walk([&](mlir::Operation *nested) {
        if (&op != nested)
          chunked.insert(nested->getResults().begin(), nested->getResults().end());
        if (auto loop = llvm::dyn_cast<mlir::scf::ForOp>(nested))
          chunked.insert(loop.getBody()->getArguments().begin(),
                         loop.getBody()->getArguments().end());
        for (mlir::Value operand : nested->getOperands())
          if (isBroadcastRows(operand))
            rowBlock = std::gcd(rowBlock, mapOf(operand, *nested).rowBlock());
      });
    }
  }

  /// Chunks divide this many token rows, so that every broadcast operand
  /// reads one window per chunk (RowMap.h).
  int64_t rowBlock;

  /// In a mixed launch (PairedTasks.cpp), the tensor from outside that the
  /// cluster's AIC pushes into `ring` (a task argument), `slots` slots of
  /// `slotRows` of its rows in all; with run-time token rows, the host value
  /// `hostSlots` of them are filled at launch.
  struct RingRead {
    mlir::Value value;
    mlir::Value ring;
    int64_t slotRows;
    int64_t slots;
    mlir::Value hostSlots;
  };

  /// In a vector -> cube mixed launch (PairedTasks.cpp), the result the
  /// AIVs push into `ring` (a task argument, direction = v2c) for their AIC
  /// instead of storing it: `slots` slots of `slotRows` token rows in all.
  struct RingWrite {
    unsigned result;
    mlir::Value ring;
    int64_t slotRows;
    int64_t slots;
  };

  /// Builds the task with the given chunking; with `results`, stores the
  /// scope's results there (without, a trial build to check the fit). With
  /// `ringRead`, its work items are the ring's slots: each AIV pops its row
  /// half of the next one, runs the chunks of that half reading
  /// `ringRead->value` from the popped view, and frees it. With `ringWrite`,
  /// they are that ring's slots: each AIV runs the chunks of its row half of
  /// the next one and pushes each chunk's `ringWrite->result` into it.
  mlir::LogicalResult build(TaskBuilder &task, ascend::ChunkingAttr chunking,
                            llvm::ArrayRef<GmLocation> results,
                            const RingRead *ringRead = nullptr,
                            const RingWrite *ringWrite = nullptr);
  /// Bytes of result tiles one work item stores (set by build).
  uint64_t storedBytes = 0;
  /// In a trial build for a ring in UB: the tensor each chunk finds in UB
  /// (the popped half slot), given a tile of its own but no load.
  mlir::Value arrivesInUb;
  int64_t storesPerItem(ascend::ChunkingAttr chunking) {
    return int64_t(scope.getNumResults()) * (chunking.getDoubleBuffered() ? 2 : 1);
  }

private:
  /// Made by an op of the scope, or an argument of a loop in it.
  bool isInside(mlir::Value value) {
    return scope->isProperAncestor(value.getParentRegion()->getParentOp()) ||
           value.getParentRegion()->getParentOp() == scope;
  }
  /// Whether `value` differs from chunk to chunk: a tensor from outside with
  /// the token rows or broadcast to them, the result of an op that reads one,
  /// or a value of a loop (which runs per chunk).
  bool isPerChunk(mlir::Value value) {
    if (isInside(value))
      return chunked.contains(value);
    return llvm::isa<mlir::RankedTensorType>(value.getType()) &&
           (rowfusion::rowsOf(value) == rows || isBroadcastRows(value));
  }
  /// Whether `op`, directly in the scope, runs once per task rather than per chunk.
  bool runsOnce(mlir::Operation &op) {
    return op.getNumResults() == 1 && !isPerChunk(op.getResult(0));
  }
  /// A tensor from outside whose rows are neither the token rows nor one row:
  /// the operand of a broadcast (rowfusion::rowWiseRows allows no other).
  bool isBroadcastRows(mlir::Value value) {
    if (isInside(value) || !llvm::isa<mlir::RankedTensorType>(value.getType()))
      return false;
    int64_t valueRows = rowfusion::rowsOf(value);
    return valueRows != rows && valueRows != 1;
  }
  static RowMap mapOf(mlir::Value operand, mlir::Operation &user) {
    return RowMap(llvm::cast<mlir::RankedTensorType>(operand.getType()).getShape(),
                        llvm::cast<mlir::RankedTensorType>(user.getResult(0).getType()).getShape());
  }
  /// Rows of the UB tile holding `value` for a chunk.
  int64_t tileRows(mlir::Value value, int64_t chunkRows) {
    return rowfusion::rowsOf(value) == rows ? chunkRows : 1;
  }
  static int64_t colsOf(mlir::Value value) {
    auto type = llvm::cast<mlir::RankedTensorType>(value.getType());
    return type.getRank() == 0 ? 1 : type.getShape().back();
  }
  /// Whether `insert` can write into its destination's tile rather than a
  /// copy of it: nothing reads the destination after it, or shares its tile.
  bool insertsInPlace(tile::InsertOp insert);
  /// The tile or scalar holding `value`: an op result, or a tensor or scalar
  /// from outside, loaded (tensor) or passed as an argument (scalar) at first use.
  mlir::Value operandOf(mlir::Value value, TaskBuilder &task, ChunkEmitter &emit,
                        int64_t chunkRows, mlir::Value row);
  /// The chunk's window of broadcast operand `value` of `user`, loaded at
  /// first use (per distinct map).
  mlir::Value broadcastOperand(mlir::Value value, mlir::Operation &user, TaskBuilder &task,
                               ChunkEmitter &emit, int64_t chunkRows, mlir::Value row);
  mlir::Value chunkOperand(mlir::Value value, mlir::Operation &user, TaskBuilder &task,
                           ChunkEmitter &emit, int64_t chunkRows, mlir::Value row) {
    return isBroadcastRows(value) ? broadcastOperand(value, user, task, emit, chunkRows, row)
                                  : operandOf(value, task, emit, chunkRows, row);
  }
  mlir::LogicalResult emitOp(mlir::Operation &op, TaskBuilder &task, ChunkEmitter &emit,
                             int64_t chunkRows, mlir::Value row);
  /// A loop of the scope as a loop of the task, inside the chunk loop: its
  /// carried tensors in UB tiles of their own, updated at each iteration's end.
  mlir::LogicalResult emitLoop(mlir::scf::ForOp loop, TaskBuilder &task, ChunkEmitter &emit,
                               int64_t chunkRows, mlir::Value row);
  /// A load or store of a global tensor from outside, in a loop of the scope:
  /// the chunk's rows of the window at its (possibly run-time) column.
  mlir::LogicalResult emitAccess(mlir::Operation &op, TaskBuilder &task, ChunkEmitter &emit,
                                 int64_t chunkRows, mlir::Value row);
  mlir::Value interleave(mlir::Value even, mlir::Value odd, TaskBuilder &task, ChunkEmitter &emit);

  tile::ScopeOp scope;
  int64_t rows;
  llvm::function_ref<const GmLocation &(mlir::Value)> locationOf;
  TaskContext &context;
  llvm::DenseSet<mlir::Value> chunked;
  llvm::DenseMap<mlir::Value, mlir::Value> held; ///< tile-dialect value → UB tile or task scalar
  /// Broadcast operand → its chunk's windows, one per map.
  llvm::DenseMap<mlir::Value, llvm::SmallVector<std::pair<RowMap, mlir::Value>>> broadcastWindows;
  llvm::DenseMap<std::tuple<int64_t, int64_t, int64_t>, mlir::Value> indexTables;
  mlir::Operation *chunkLoop = nullptr; ///< while emitting the per-chunk ops
  const RingRead *ringRead = nullptr;
  /// With a ring, while emitting a chunk: the popped half slot (reading)
  /// and the chunk's first row in this AIV's half.
  mlir::Value popped, poppedRow;
};

/// Records on `built`, the task of `scope`, its fused ops (`ascend.fused_ops`,
/// with their source lines) and its chunking, for the report and a reader.
void annotateFusedTask(tile::ScopeOp scope, ascend::TaskOp built, ascend::ChunkingAttr chunking);

} // namespace tilec::conversion

#endif
