//===- VectorTasks.cpp - tile ops as AIV tasks over UB chunks -------------===//
//
// Each task walks its result in chunks of rows × cols that fit UB, spread
// over the vector cores: load the operands' chunks, run the op's instructions
// (VectorEmitter.h), store.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/TaskLowering.h"
#include "compiler/conversion/VectorEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

Role roleOf(const TaskOperand &operand, MatrixShape result) {
  if (!operand.global)
    return Role::Scalar;
  MatrixShape shape = operand.global->shape;
  if (shape == result)
    return Role::Full;
  if (shape.rows == result.rows && shape.cols == 1)
    return Role::RowVector;
  return Role::ColVector;
}

/// Rows and columns of one chunk and how many chunks cover the result.
struct Chunking {
  int64_t rows, cols, rowChunks, colChunks;
};

/// Reductions keep their reduced dimension in one chunk.
bool reducesRows(Operation *op) {
  return isa<tile::RowSumOp, tile::RowMaxOp, tile::RowMinOp, tile::GatherOp>(op);
}
bool reducesCols(Operation *op) { return isa<tile::ColSumOp, tile::ColMaxOp, tile::ColMinOp>(op); }

/// Picks chunk sizes whose tiles fit UB and that give every vector core work.
FailureOr<Chunking> chooseChunking(Operation *op, MatrixShape result, MatrixShape widest,
                                   unsigned tensorOperands,
                                   const target::TargetDescription &target) {
  uint64_t capacity = target.capacityOf(target::MemSpace::UB);
  // Every tensor operand may need its stored and its f32 copy, plus the
  // result's, a scratch tile and one expansion: a conservative live set.
  uint64_t tilesPerChunk = 2 * tensorOperands + 4;
  bool fullRows = reducesRows(op), fullCols = reducesCols(op);
  int64_t cols = fullRows ? widest.cols : largestDivisorAtMost(widest.cols, 4096);
  auto rowBytes = [&](int64_t c) {
    int64_t padded = (c + 7) / 8 * 8; // f32 rows padded to 32 bytes
    return uint64_t(padded) * 4 * tilesPerChunk;
  };
  // A column reduction keeps its rows whole but may split its columns: narrow
  // them until every row of a chunk fits.
  while (fullCols && cols > 1 && uint64_t(widest.rows) * rowBytes(cols) > capacity)
    cols = largestDivisorAtMost(widest.cols, cols - 1);
  if (rowBytes(cols) > capacity)
    return op->emitOpError("needs whole rows of ")
           << widest.cols << " elements in UB (" << rowBytes(cols) << " bytes per row for "
           << tilesPerChunk << " tiles), but UB holds " << capacity
           << " bytes; split the columns (e.g. reshape into more, shorter rows)";
  int64_t colChunks = widest.cols / cols;
  int64_t maxRows = int64_t(capacity / rowBytes(cols));
  int64_t rows = fullCols ? widest.rows : largestDivisorAtMost(widest.rows, maxRows);
  if (fullCols && rows > maxRows)
    return op->emitOpError("needs whole columns of ") << widest.rows << " rows in UB";
  // Prefer enough chunks for every vector core over bigger chunks, down to
  // chunks of about 8 KiB (smaller transfers waste the GM bandwidth).
  constexpr int64_t kMinChunkBytes = 8 * 1024;
  while (!fullCols && rows > 1 && (widest.rows / rows) * colChunks < target.vectorCores &&
         (rows / 2) * cols * 4 >= kMinChunkBytes) {
    int64_t smaller = largestDivisorAtMost(widest.rows, rows - 1);
    if (smaller == rows)
      break;
    rows = smaller;
  }
  return Chunking{rows, cols, widest.rows / rows, colChunks};
}

} // namespace

LogicalResult tilec::conversion::lowerVectorOp(Operation *op, ArrayRef<TaskOperand> operands,
                                               const GmLocation &result,
                                               TaskContext &context) {
  Location loc = op->getLoc();
  MatrixShape resultShape = result.shape;
  // Reductions and gathers iterate over their (wider) source.
  MatrixShape widest = resultShape;
  if (reducesRows(op) || reducesCols(op))
    widest = operands[0].global->shape;
  unsigned tensorOperands = llvm::count_if(operands, [](auto &o) { return o.global.has_value(); });
  FailureOr<Chunking> chunking =
      chooseChunking(op, resultShape, widest, tensorOperands, context.target);
  if (failed(chunking))
    return failure();

  TaskBuilder task(op->getContext(), loc, ascend::CoreType::aiv);
  ChunkEmitter emit(task, context.target);
  OpBuilder &b = task.builder();
  SmallVector<TaskGlobal> globals;
  SmallVector<Value> scalars;
  for (const TaskOperand &operand : operands) {
    globals.push_back(operand.global ? task.addGlobal(*operand.global) : TaskGlobal());
    scalars.push_back(operand.scalar ? task.addScalar(operand.scalar) : Value());
  }
  TaskGlobal out = task.addGlobal(result);
  const Chunking chunk = *chunking;
  LogicalResult status = success();

  task.forEachWorkItem(chunk.rowChunks * chunk.colChunks, [&](Value item) {
    Value colChunks = task.constantIndex(chunk.colChunks);
    Value row = arith::MulIOp::create(b, loc, arith::DivUIOp::create(b, loc, item, colChunks),
                                      task.constantIndex(chunk.rows));
    Value col = arith::MulIOp::create(b, loc, arith::RemUIOp::create(b, loc, item, colChunks),
                                      task.constantIndex(chunk.cols));
    Value zero = task.constantIndex(0);
    int64_t outRows = resultShape.rows == 1 ? 1 : chunk.rows;
    int64_t outCols = resultShape.cols == 1 ? 1 : chunk.cols;
    if (reducesRows(op))
      outCols = resultShape.cols;

    // The chunk of operand i in its stored element type: a rows × cols window
    // at (row, col), the matching slice of a per-row / per-column vector, or
    // the whole reduced dimension of a reduction's source.
    SmallVector<Value> chunkOperands;
    for (auto [i, operand] : llvm::enumerate(operands)) {
      Role role = roleOf(operand, resultShape);
      int64_t rows = outRows, cols = outCols;
      if (reducesRows(op)) {
        role = Role::Full;
        rows = chunk.rows;
        cols = widest.cols;
      } else if (reducesCols(op)) {
        role = Role::Full;
        rows = widest.rows;
        cols = chunk.cols;
      }
      if (role == Role::Scalar) {
        chunkOperands.push_back(scalars[i]);
        continue;
      }
      if (role == Role::RowVector)
        cols = 1;
      if (role == Role::ColVector)
        rows = 1;
      Value tile = emit.alloc(rows, cols, operand.global->getBufferType().getElementType());
      task.load(tile, globals[i], role == Role::ColVector ? zero : row,
                role == Role::RowVector ? zero : col);
      chunkOperands.push_back(tile);
    }
    FailureOr<Value> stored = emit.emitOp(op, chunkOperands, outRows, outCols);
    if (failed(stored)) {
      status = failure();
      return;
    }
    task.store(out, row, reducesRows(op) ? zero : col, *stored);
  });
  if (failed(status))
    return failure();
  int64_t blocks = std::min<int64_t>(chunk.rowChunks * chunk.colChunks, context.target.vectorCores);
  task.finish(context.module, context.name, context.host, blocks);
  return success();
}
