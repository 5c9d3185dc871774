//===- TaskBuilder.h - building one ascend.task and its launch ---*- C++ -*-===//
//
// A task is built instruction by instruction while its arguments are
// discovered: every global location or scalar it reads becomes an argument,
// and the launch in the host program passes the matching host values.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_TASKBUILDER_H
#define TILEC_COMPILER_CONVERSION_TASKBUILDER_H

#include "compiler/conversion/GmLocation.h"
#include "dialects/Ascend/AscendOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <functional>

namespace tilec::conversion {

/// A global location as the task sees it: task arguments for the buffer and
/// the offsets of the window.
struct TaskGlobal {
  mlir::Value buffer;
  llvm::SmallVector<mlir::Value> offsets;
  int rowDim = -1;
  MatrixShape shape;
};

/// The largest divisor of `n` that is at most `limit` (at least 1): chunk and
/// block sizes divide the dimensions they tile, so every chunk is full.
inline int64_t largestDivisorAtMost(int64_t n, int64_t limit) {
  for (int64_t d = std::min(n, limit); d > 1; --d)
    if (n % d == 0)
      return d;
  return 1;
}

class TaskBuilder {
public:
  TaskBuilder(mlir::MLIRContext *context, mlir::Location loc, ascend::CoreType core);
  TaskBuilder(const TaskBuilder &) = delete;
  ~TaskBuilder();

  /// Positioned at the end of the task body.
  mlir::OpBuilder &builder() { return bodyBuilder; }
  /// The body built so far.
  mlir::Block &body() { return *block; }
  mlir::Location getLoc() const { return loc; }

  TaskGlobal addGlobal(const GmLocation &location);
  mlir::Value addScalar(mlir::Value hostValue);
  /// The host values the task's arguments take, in order.
  llvm::ArrayRef<mlir::Value> hostArgs() const { return hostArguments; }
  /// Makes each of `hostValues` an argument (one that is already keeps its
  /// place): the two tasks of a mixed launch take the same arguments.
  void addArguments(llvm::ArrayRef<mlir::Value> hostValues);

  /// An on-chip buffer allocated at the top of the task (so it outlives loops),
  /// in the current double-buffering stage if one is set.
  mlir::Value allocTile(int64_t rows, int64_t cols, mlir::Type elementType,
                        ascend::MemorySpace space,
                        ascend::FractalLayout layout = ascend::FractalLayout::nz);
  void setStage(std::optional<int64_t> value) { stage = value; }
  mlir::Value constantIndex(int64_t value);

  /// TLOAD / TSTORE of the rows × cols window of `global` at (row, col)
  /// relative to the global's own window. With `tokenRow`, the tile holds a
  /// chunk of token rows from that one on: with run-time token rows
  /// (setTokenRows) it moves only the rows present, so a partial last chunk
  /// stays inside the tensor (`row` is where they are in `global`).
  void load(mlir::Value tile, const TaskGlobal &global, mlir::Value row, mlir::Value col,
            mlir::Value tokenRow = {});
  void store(const TaskGlobal &global, mlir::Value row, mlir::Value col, mlir::Value tile,
             mlir::Value tokenRow = {});
  /// TLOAD of a rows × cols tile from the cols × rows window of `global` at
  /// (row, col), transposed on the way (a DN view; the cube's B of Q·Kᵀ).
  void loadTransposed(mlir::Value tile, const TaskGlobal &global, mlir::Value row,
                      mlir::Value col);

  /// The (row, col) where work item `item` of a grid of rows × cols chunks,
  /// `colChunks` to a row of chunks, starts.
  std::pair<mlir::Value, mlir::Value> chunkOrigin(mlir::Value item, int64_t colChunks,
                                                  int64_t rows, int64_t cols);

  /// Runs `body` for every work item in [0, items), items spread block-cyclically
  /// over the blocks of the launch.
  void forEachWorkItem(int64_t items, const std::function<void(mlir::Value item)> &body);
  /// The token rows present at launch, `hostRows` (TaskContext::tokenRows), or
  /// none (static rows). The task receives them as an argument.
  void setTokenRows(mlir::Value hostRows);
  /// The task's value of the token rows present; null when they are static.
  mlir::Value tokenRows() const { return tokenRowsArg; }
  /// forEachWorkItem over `rows` token rows, `rowsPerItem` to an item, times
  /// `perRow` items: with run-time token rows, ceil(rows present / rowsPerItem)
  /// × perRow, computed by `host` (at the start of the host program, so that
  /// a parallel loop of launches folds: FoldParallelLoops.cpp) and passed.
  void forEachRowItem(int64_t rows, int64_t rowsPerItem, int64_t perRow, mlir::OpBuilder &host,
                      const std::function<void(mlir::Value item)> &body);
  /// With run-time token rows, the host value of the work items of the last
  /// forEachRowItem (a mixed launch's other task goes over the same); else null.
  mlir::Value hostRowItems() const { return hostItems; }
  /// Runs `body` for every work item in [0, end), `end` a task value, items
  /// spread block-cyclically over the blocks of the launch.
  void forEachItemUpTo(mlir::Value end, const std::function<void(mlir::Value item)> &body);
  /// The end of the items of the innermost forEachItemUpTo (or
  /// forEachRowItem, forEachWorkItem) running its body: a task value.
  mlir::Value itemsEnd() const { return itemsEndValue; }

  /// Creates the task symbol `name` (uniqued) in `module` and launches it on
  /// `blocks` blocks at the insertion point of `host`.
  ascend::TaskOp finish(mlir::ModuleOp module, llvm::StringRef name, mlir::OpBuilder &host,
                        int64_t blocks);
  /// Creates the task symbol `name` (uniqued) in `module` without launching
  /// it (with `host`'s listener); a mixed launch runs it.
  ascend::TaskOp finishTask(mlir::ModuleOp module, llvm::StringRef name, mlir::OpBuilder &host);

private:
  mlir::Value addArgument(mlir::Value hostValue);
  void access(mlir::Value tile, const TaskGlobal &global, mlir::Value row, mlir::Value col,
              bool isLoad, bool transposed = false, mlir::Value tokenRow = {});

  mlir::Location loc;
  ascend::CoreType core;
  std::unique_ptr<mlir::Block> block;
  mlir::OpBuilder bodyBuilder;
  mlir::OpBuilder allocBuilder;
  llvm::SmallVector<mlir::Value> hostArguments;
  std::optional<int64_t> stage;
  mlir::Value hostTokenRows, tokenRowsArg, hostItems, itemsEndValue;
  llvm::DenseMap<mlir::Value, mlir::Value> argumentOf;
};

} // namespace tilec::conversion

#endif
