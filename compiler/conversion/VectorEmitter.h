//===- VectorEmitter.h - tile ops as instructions on UB chunks --*- C++ -*-===//
//
// The instructions of one tile op on UB tiles holding a chunk of its operands:
// bf16/f16 are converted to f32 for arithmetic (a2a3 has no bf16 arithmetic),
// per-row and per-column operands are expanded or used by the *EXPAND* forms,
// and the result is converted back to the op's element type. The one-task-
// per-op lowering (VectorTasks.cpp) and the fused row-chunk tasks
// (FusedTasks.cpp) both emit through it, so both compute the same numbers.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_VECTOREMITTER_H
#define TILEC_COMPILER_CONVERSION_VECTOREMITTER_H

#include "base/TargetDescription.h"
#include "compiler/conversion/TaskBuilder.h"
#include "dialects/Tile/TileOps.h"

namespace tilec::conversion {

/// How an operand's chunk relates to the result's chunk: the same shape, one
/// column ([rows, 1]), one row ([1, cols]), one element ([1, 1]) or a scalar.
enum class Role { Full, RowVector, ColVector, Element, Scalar };

/// The role of `operand` (a UB tile or a scalar) for a rows × cols result chunk.
Role roleOfTile(mlir::Value operand, int64_t rows, int64_t cols);

class ChunkEmitter {
public:
  ChunkEmitter(TaskBuilder &task, const target::TargetDescription &target)
      : task(task), target(target), b(task.builder()), loc(task.getLoc()) {}

  mlir::Value alloc(int64_t rows, int64_t cols, mlir::Type type) {
    return task.allocTile(rows, cols, type, ascend::MemorySpace::ub);
  }

  /// f32 for float elements, the element itself otherwise.
  static mlir::Type computeTypeOf(mlir::Type element);

  /// bf16 and f16 become f32 for arithmetic; f32 and i32 stay.
  mlir::Value widen(mlir::Value tile);

  /// Converts `tile` to `element` through the target's legal TCVT steps,
  /// saturating as `sat` says (null: as the pair does by default).
  mlir::FailureOr<mlir::Value> convert(mlir::Value tile, mlir::Type element,
                                       ascend::RoundMode round, ascend::SaturationAttr sat);

  /// The instructions of `op` on the chunks of its operands (UB tiles in their
  /// stored element types, or scalars) for a rows × cols result chunk; the
  /// result is a tile of the op's result element type. Reductions and gathers
  /// take their source chunk whole. Views (slice, insert, reshape) and
  /// interleaves belong to the fused lowering.
  mlir::FailureOr<mlir::Value> emitOp(mlir::Operation *op, llvm::ArrayRef<mlir::Value> operands,
                                      int64_t rows, int64_t cols);

  /// The result column the chunk starts at (an index; 0 until set): an iota
  /// counts from there.
  void setFirstColumn(mlir::Value column) { firstColumn = column; }

private:
  // SelectEmitter.cpp: a select with its mask's compare (operandsRead), and iota.
  mlir::FailureOr<mlir::Value> select(tile::SelectOp op, llvm::ArrayRef<mlir::Value> operands,
                                      int64_t rows, int64_t cols);
  mlir::FailureOr<mlir::Value> compare(tile::CmpOp op, mlir::Value lhs, mlir::Value rhs,
                                       int64_t rows, int64_t cols, bool &negated);
  mlir::Value iota(int64_t cols);

  mlir::Value fill(int64_t rows, int64_t cols, mlir::Value scalar);
  mlir::Value expand(mlir::Value vector, Role role, int64_t rows, int64_t cols);
  mlir::Value rowBlock(mlir::Value vector);
  mlir::Value elementToRow(mlir::Value element, int64_t cols);
  mlir::Value zeroOf(mlir::Type element);
  mlir::FailureOr<mlir::Value> compute(mlir::Operation *op, llvm::ArrayRef<mlir::Value> operands,
                                       int64_t rows, int64_t cols);

  TaskBuilder &task;
  const target::TargetDescription &target;
  mlir::OpBuilder &b;
  mlir::Location loc;
  mlir::Value firstColumn;
};

} // namespace tilec::conversion

#endif
