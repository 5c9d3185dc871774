//===- VectorTasks.cpp - tile ops as AIV tasks over UB chunks -------------===//
//
// Each task walks its result in chunks of rows × cols that fit UB, spread
// over the vector cores: load the operands' chunks, run the op's instructions
// (VectorEmitter.h), store.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/TaskLowering.h"
#include "compiler/conversion/VectorEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

#include <numeric>

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// Rows and columns of one chunk and how many chunks cover the result.
struct Chunking {
  int64_t rows, cols, rowChunks, colChunks;
};

/// Reductions (and gathers) keep their reduced dimension in one chunk.
bool reducesRows(Operation *op) { return op->hasTrait<tile::kind::ReadsWholeRows>(); }
bool reducesCols(Operation *op) { return op->hasTrait<tile::kind::ReadsWholeColumns>(); }

/// Picks chunk sizes whose tiles fit UB and that give every vector core work;
/// the chunk rows divide `rowBlock` (broadcast operands read one window per
/// block, RowMap.h).
FailureOr<Chunking> chooseChunking(Operation *op, MatrixShape widest, int64_t rowBlock,
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
  int64_t rows = fullCols ? widest.rows : largestDivisorAtMost(rowBlock, maxRows);
  if (fullCols && rows > maxRows)
    return op->emitOpError("needs whole columns of ") << widest.rows << " rows in UB";
  // Prefer enough chunks for every vector core over bigger chunks, down to
  // chunks of about 8 KiB (smaller transfers waste the GM bandwidth).
  constexpr int64_t kMinChunkBytes = 8 * 1024;
  while (!fullCols && rows > 1 && (widest.rows / rows) * colChunks < target.vectorCores &&
         (rows / 2) * cols * 4 >= kMinChunkBytes) {
    int64_t smaller = largestDivisorAtMost(rowBlock, rows - 1);
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
  bool reduces = reducesRows(op) || reducesCols(op);
  if (reduces)
    widest = operands[0].global->shape;
  unsigned tensorOperands = llvm::count_if(operands, [](auto &o) { return o.global.has_value(); });
  // How each tensor operand of an elementwise op or broadcast reads the
  // result's rows and columns; a reduction reads its source whole.
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  SmallVector<std::optional<RowMap>> maps;
  int64_t rowBlock = widest.rows;
  for (Value operand : op->getOperands()) {
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    maps.emplace_back();
    if (!type || reduces)
      continue;
    maps.back().emplace(type.getShape(), resultType.getShape());
    rowBlock = std::gcd(rowBlock, maps.back()->rowBlock());
  }
  FailureOr<Chunking> chunking =
      chooseChunking(op, widest, rowBlock, tensorOperands, context.target);
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

    // The chunk of operand i in its stored element type: the rows × cols
    // window its broadcast map reads (one row or one column where it
    // broadcasts), or the whole reduced dimension of a reduction's source.
    SmallVector<Value> chunkOperands;
    for (auto [i, operand] : llvm::enumerate(operands)) {
      if (!operand.global) {
        chunkOperands.push_back(scalars[i]);
        continue;
      }
      int64_t rows = outRows, cols = outCols;
      Value operandRow = row, operandCol = col;
      if (reducesRows(op)) {
        rows = chunk.rows;
        cols = widest.cols;
      } else if (reducesCols(op)) {
        rows = widest.rows;
        cols = chunk.cols;
      } else {
        const RowMap &map = *maps[i];
        operandRow = map.operandRow(task, row);
        if (map.broadcastsRows())
          rows = 1;
        if (map.broadcastsCols()) {
          cols = 1;
          operandCol = zero;
        }
      }
      Value tile = emit.alloc(rows, cols, operand.global->getBufferType().getElementType());
      task.load(tile, globals[i], operandRow, operandCol);
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
