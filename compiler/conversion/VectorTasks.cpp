//===- VectorTasks.cpp - tile ops as AIV tasks over UB chunks -------------===//
//
// Each task walks its result in chunks of rows × cols spread over the vector
// cores, as the op's strategy says (tile-select-strategy, StrategyVector.cpp):
// load the operands' chunks, run the op's instructions (VectorEmitter.h),
// store.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/TaskLowering.h"
#include "compiler/conversion/VectorEmitter.h"

#include <numeric>

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

/// Reductions (and gathers) keep their reduced dimension in one chunk.
bool tilec::conversion::reducesRows(Operation *op) {
  return op->hasTrait<tile::kind::ReadsWholeRows>();
}
bool tilec::conversion::reducesCols(Operation *op) {
  return op->hasTrait<tile::kind::ReadsWholeColumns>();
}

SmallVector<Value> tilec::conversion::operandsRead(Operation *op) {
  auto select = dyn_cast<tile::SelectOp>(op);
  auto compare = select ? select.getMask().getDefiningOp<tile::CmpOp>() : tile::CmpOp();
  if (!compare)
    return SmallVector<Value>(op->getOperands());
  return {compare.getLhs(), compare.getRhs(), select.getTrueValue(), select.getFalseValue()};
}

LogicalResult tilec::conversion::lowerVectorOp(Operation *op, ArrayRef<TaskOperand> operands,
                                               const GmLocation &result,
                                               ascend::ChunkingAttr chunking,
                                               TaskContext &context) {
  Location loc = op->getLoc();
  MatrixShape resultShape = result.shape;
  // Reductions and gathers iterate over their (wider) source.
  MatrixShape widest = resultShape;
  bool reduces = reducesRows(op) || reducesCols(op);
  if (reduces)
    widest = operands[0].global->shape;
  // How each tensor operand of an elementwise op or broadcast reads the
  // result's rows and columns; a reduction reads its source whole.
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  SmallVector<std::optional<RowMap>> maps;
  int64_t rowBlock = widest.rows;
  for (Value operand : operandsRead(op)) {
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    maps.emplace_back();
    if (!type || reduces)
      continue;
    maps.back().emplace(type.getShape(), resultType.getShape());
    rowBlock = std::gcd(rowBlock, maps.back()->rowBlock());
  }
  // The chunks divide the data and the broadcast operands' row blocks, and
  // keep a reduced dimension whole.
  int64_t chunkRows = chunking.getRows(), chunkCols = chunking.getCols();
  if (chunkCols == 0 || widest.cols % chunkCols != 0 || rowBlock % chunkRows != 0 ||
      (reducesRows(op) && chunkCols != widest.cols) ||
      (reducesCols(op) && chunkRows != widest.rows))
    return op->emitOpError("strategy ")
           << chunking << " does not tile its " << widest.rows << " × " << widest.cols
           << " data in blocks of " << rowBlock
           << " rows: chunks divide both and keep a reduced dimension whole";

  TaskBuilder task(op->getContext(), loc, ascend::CoreType::aiv);
  // Its chunks of rows are token rows unless it reduces them.
  if (!reducesCols(op))
    task.setTokenRows(context.tokenRows);
  ChunkEmitter emit(task, context.target);
  SmallVector<TaskGlobal> globals;
  SmallVector<Value> scalars;
  for (const TaskOperand &operand : operands) {
    globals.push_back(operand.global ? task.addGlobal(*operand.global) : TaskGlobal());
    scalars.push_back(operand.scalar ? task.addScalar(operand.scalar) : Value());
  }
  TaskGlobal out = task.addGlobal(result);
  const int64_t colChunks = widest.cols / chunkCols;
  const int64_t chunks = widest.rows / chunkRows * colChunks;
  LogicalResult status = success();

  task.forEachRowItem(widest.rows, chunkRows, colChunks, context.entry, [&](Value item) {
    auto [row, col] = task.chunkOrigin(item, colChunks, chunkRows, chunkCols);
    Value zero = task.constantIndex(0);
    emit.setFirstColumn(col);
    int64_t outRows = resultShape.rows == 1 ? 1 : chunkRows;
    int64_t outCols = resultShape.cols == 1 ? 1 : chunkCols;
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
      bool tokenChunk = operand.global->shape.rows == widest.rows;
      if (reducesRows(op)) {
        rows = chunkRows;
        cols = widest.cols;
      } else if (reducesCols(op)) {
        rows = widest.rows;
        cols = chunkCols;
      } else {
        const RowMap &map = *maps[i];
        operandRow = map.operandRow(task, row);
        if (map.broadcastsRows()) {
          rows = 1;
          tokenChunk = false;
        }
        if (map.broadcastsCols()) {
          cols = 1;
          operandCol = zero;
        }
      }
      Value tile = emit.alloc(rows, cols, operand.global->getBufferType().getElementType());
      task.load(tile, globals[i], operandRow, operandCol, tokenChunk ? row : Value());
      chunkOperands.push_back(tile);
    }
    FailureOr<Value> stored = emit.emitOp(op, chunkOperands, outRows, outCols);
    if (failed(stored)) {
      status = failure();
      return;
    }
    task.store(out, row, reducesRows(op) ? zero : col, *stored,
               resultShape.rows == widest.rows ? row : Value());
  });
  if (failed(status))
    return failure();
  int64_t blocks = std::min<int64_t>(chunks, context.target.vectorCores);
  task.finish(context.module, context.name, context.host, blocks);
  return success();
}
