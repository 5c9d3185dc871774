//===- TaskLowering.h - one tile op as one task ----------------*- C++ -*-===//
//
// The unfused lowering: each compute op of a kernel becomes a task that reads
// its operands from global memory and writes its result there. Vector ops run
// on the AIVs in row/column chunks that fit UB; matmuls on the AICs in blocks
// that fit L1/L0.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_TASKLOWERING_H
#define TILEC_COMPILER_CONVERSION_TASKLOWERING_H

#include "base/TargetDescription.h"
#include "compiler/conversion/GmLocation.h"
#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <optional>
#include <string>

namespace tilec::conversion {

/// An operand of a lowered op: a tensor in global memory or a scalar value.
struct TaskOperand {
  std::optional<GmLocation> global;
  mlir::Value scalar;
};

struct TaskContext {
  mlir::ModuleOp module;
  mlir::OpBuilder &host;  ///< where the launch goes
  mlir::OpBuilder &entry; ///< the start of the host program, for constants
  const target::TargetDescription &target;
  std::string name;      ///< the task's symbol name
  /// With a run-time dim's token rows (RuntimeRows.h): the host value of the
  /// rows present at launch (the dim times the rows per token), to which the
  /// task's work items and row accesses shrink; null when the rows are static.
  mlir::Value tokenRows = {};
};

/// Whether `op` reduces (or gathers along) its rows, or its columns: its
/// chunks keep that dimension whole.
bool reducesRows(mlir::Operation *op);
bool reducesCols(mlir::Operation *op);

/// The values a vector task of `op` reads: its operands, but for a select
/// the operands of the compare computing its mask (lhs, rhs), then its two
/// values. A mask lives only in UB, inside the select's task
/// (tile-sink-compares).
llvm::SmallVector<mlir::Value> operandsRead(mlir::Operation *op);

/// A vector task computing `op` (elementwise, unary, cast, reduction,
/// broadcast, full, gather) into `result` in the chunks `chunking` gives.
mlir::LogicalResult lowerVectorOp(mlir::Operation *op, llvm::ArrayRef<TaskOperand> operands,
                                  const GmLocation &result, ascend::ChunkingAttr chunking,
                                  TaskContext &context);

class RowMap;

/// A vector task copying `source` to `result` (same shape and element type)
/// in the chunks `chunking` gives; with `sourceRows` (`resultRows`), row r of
/// the copy is that map's row r of the source (result) window: a gather
/// (scatter) of rows.
mlir::LogicalResult lowerCopy(mlir::Location loc, const GmLocation &source,
                              const GmLocation &result, ascend::ChunkingAttr chunking,
                              TaskContext &context,
                              const RowMap *sourceRows = nullptr,
                              const RowMap *resultRows = nullptr);

/// A vector task interleaving the columns of two [R, P] values (e0, o0, e1,
/// o1, …) into `result` [R, 2P] in the output chunks `chunking` gives.
/// `stacked` holds them as rows e_i, o_i of an [2R, P] matrix; an index
/// gather picks the output order from each chunk.
mlir::LogicalResult lowerInterleave(mlir::Location loc, const GmLocation &stacked,
                                    const GmLocation &result, ascend::ChunkingAttr chunking,
                                    TaskContext &context);

/// A vector task transposing `source` [R, C] into `result` [C, R] in the
/// source blocks `chunking` gives: each block loaded, TTRANS, stored at the
/// mirrored place.
mlir::LogicalResult lowerTranspose(mlir::Location loc, const GmLocation &source,
                                   const GmLocation &result, ascend::ChunkingAttr chunking,
                                   TaskContext &context);

/// A vector task gathering rows: result row i is row rows[i] of `table`
/// (an i32 index tensor read on the scalar unit), columns from `col` on.
mlir::LogicalResult lowerLoadRows(mlir::Location loc, const GmLocation &table,
                                  const GmLocation &rows, mlir::Value col,
                                  const GmLocation &result, TaskContext &context);

/// A constant i32 table of `rows` × `cols` positions for an index gather
/// (TGATHER), in global memory: a task loads it into UB.
GmLocation indexTable(mlir::Location loc, int64_t rows, int64_t cols,
                      llvm::ArrayRef<int32_t> positions, TaskContext &context);

/// One vector task running the row-wise ops of a fused scope over its token
/// rows in the chunks `chunking` gives, every intermediate in UB
/// (FusedTasks.cpp). Tensors from outside are read at `locationOf`; the
/// scope's results go to `results`.
mlir::LogicalResult lowerFusedScope(tile::ScopeOp scope, ascend::ChunkingAttr chunking,
                                    llvm::function_ref<const GmLocation &(mlir::Value)> locationOf,
                                    llvm::ArrayRef<GmLocation> results, TaskContext &context);

/// One B of a matmul task and where its product goes. A task of several
/// multiplies the same A by each (matmuls joined in one launch,
/// `ascend.joined`); its items go over their columns in turn (Distribution).
struct MatmulPart {
  GmLocation rhs;
  std::optional<GmLocation> result; ///< none: pushed into the task's ring
};

/// A cube task computing `lhs × part.rhs` into `part.result` for every
/// part, in the blocks `blocking` gives; with `transposeB`, each `rhs` holds
/// Bᵀ ([N, K]) and is loaded transposed.
mlir::LogicalResult lowerMatmul(mlir::Location loc, const GmLocation &lhs,
                                llvm::ArrayRef<MatmulPart> parts, ascend::BlockingAttr blocking,
                                bool transposeB, TaskContext &context);

class TaskBuilder;

/// Builds into `task` (an AIC task) `lhs × rhs` of every part in the blocks
/// `blocking` gives, each finished block stored into the part's `result`, or
/// with `ring` (a ring argument of the task; one part) pushed into its
/// current slot at the block's column; returns the work items (row blocks ×
/// segments of all parts), which go round its blocks. With a v2c `ring`,
/// the AIVs push A instead: each work item pops a slot (its row block of A,
/// of `lhs.shape`'s columns; `lhs` has no buffer) as its panel.
mlir::FailureOr<int64_t> buildMatmul(TaskBuilder &task, mlir::Location loc, const GmLocation &lhs,
                                     llvm::ArrayRef<MatmulPart> parts, mlir::Value ring,
                                     ascend::BlockingAttr blocking, bool transposeB,
                                     TaskContext &context);

} // namespace tilec::conversion

#endif
