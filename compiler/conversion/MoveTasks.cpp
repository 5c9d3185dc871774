//===- MoveTasks.cpp - AIV tasks that only move data ---------------------===//
//
// Copies between global windows (also gathering or scattering rows that are
// not consecutive, RowMap.h), the RoPE re-interleave (an index gather over
// stacked rows), transposes (TTRANS of blocks) and row gathers by an index
// tensor (the decode kernel's per-token RoPE rows).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/TaskBuilder.h"
#include "compiler/conversion/TaskLowering.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/Support/MathExtras.h"

#include <numeric>

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;
using ascend::MemorySpace;

LogicalResult tilec::conversion::lowerCopy(Location loc, const GmLocation &source,
                                           const GmLocation &result,
                                           ascend::ChunkingAttr chunking, TaskContext &context,
                                           const RowMap *sourceRows, const RowMap *resultRows) {
  TaskBuilder task(loc.getContext(), loc, ascend::CoreType::aiv);
  TaskGlobal from = task.addGlobal(source), to = task.addGlobal(result);
  MatrixShape shape = result.shape;
  Type element = result.getBufferType().getElementType();
  // A chunk's rows are consecutive on both sides.
  int64_t rowBlock = shape.rows;
  for (const RowMap *map : {sourceRows, resultRows})
    if (map)
      rowBlock = std::gcd(rowBlock, map->rowBlock());
  int64_t rows = chunking.getRows(), cols = chunking.getCols();
  if (cols == 0 || shape.cols % cols != 0 || rowBlock % rows != 0)
    return emitError(loc) << "the strategy " << chunking << " does not tile the copy of "
                          << shape.rows << " × " << shape.cols << " elements in blocks of "
                          << rowBlock << " consecutive rows";
  int64_t colChunks = shape.cols / cols, rowChunks = shape.rows / rows;
  Value tile = task.allocTile(rows, cols, element, MemorySpace::ub);
  task.setTokenRows(context.tokenRows);
  task.forEachRowItem(shape.rows, rows, colChunks, context.entry, [&](Value item) {
    auto [row, col] = task.chunkOrigin(item, colChunks, rows, cols);
    task.load(tile, from, sourceRows ? sourceRows->operandRow(task, row) : row, col, row);
    task.store(to, resultRows ? resultRows->operandRow(task, row) : row, col, tile, row);
  });
  task.finish(context.module, context.name, context.host,
              std::min<int64_t>(rowChunks * colChunks, context.target.vectorCores));
  return success();
}

GmLocation tilec::conversion::indexTable(Location loc, int64_t rows, int64_t cols,
                                         ArrayRef<int32_t> positions, TaskContext &context) {
  Builder b(loc.getContext());
  auto tableType = RankedTensorType::get({rows, cols}, b.getI32Type());
  GmLocation location;
  location.buffer = ascend::GmConstantOp::create(
      context.entry, loc,
      ascend::GlobalTensorType::get(loc.getContext(), tableType.getShape(), b.getI32Type()),
      DenseElementsAttr::get(tableType, positions));
  location.offsets.assign(2, arith::ConstantIndexOp::create(context.entry, loc, 0));
  location.rowDim = rows > 1 ? 0 : -1;
  location.shape = {rows, cols};
  return location;
}

LogicalResult tilec::conversion::lowerInterleave(Location loc, const GmLocation &stacked,
                                                 const GmLocation &result,
                                                 ascend::ChunkingAttr chunking,
                                                 TaskContext &context) {
  Type element = result.getBufferType().getElementType();
  int64_t elementBytes = element.getIntOrFloatBitWidth() / 8;
  if (elementBytes != 2 && elementBytes != 4)
    return emitError(loc) << "interleaving " << element
                          << " is not supported: the gather moves 2- or 4-byte elements";
  int64_t rowsOut = result.shape.rows, pairs = stacked.shape.cols;
  // A stacked source row in UB, padded to the target's alignment.
  int64_t sourcePadded =
      int64_t(llvm::alignTo(uint64_t(pairs * elementBytes), context.target.alignment)) /
      elementBytes;
  int64_t rows = chunking.getRows();
  if (rowsOut % rows != 0 || chunking.getCols() != 2 * pairs)
    return emitError(loc) << "the strategy " << chunking << " does not tile the " << rowsOut
                          << " × " << 2 * pairs << " interleave: chunks of whole rows dividing "
                          << rowsOut;

  // The index table: output (i, 2j) takes stacked row 2i, (i, 2j+1) row 2i+1.
  SmallVector<int32_t> indices;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < pairs; ++j) {
      indices.push_back(int32_t((2 * i) * sourcePadded + j));
      indices.push_back(int32_t((2 * i + 1) * sourcePadded + j));
    }
  Builder b(loc.getContext());
  GmLocation tableLocation = indexTable(loc, rows, 2 * pairs, indices, context);

  TaskBuilder task(loc.getContext(), loc, ascend::CoreType::aiv);
  OpBuilder &builder = task.builder();
  TaskGlobal source = task.addGlobal(stacked), out = task.addGlobal(result),
             tableArg = task.addGlobal(tableLocation);
  Value sourceTile = task.allocTile(2 * rows, pairs, element, MemorySpace::ub);
  Value indexTile = task.allocTile(rows, 2 * pairs, b.getI32Type(), MemorySpace::ub);
  Value outTile = task.allocTile(rows, 2 * pairs, element, MemorySpace::ub);
  Value scratchTile = task.allocTile(rows, 2 * pairs, b.getI32Type(), MemorySpace::ub);
  Value zero = task.constantIndex(0);
  task.load(indexTile, tableArg, zero, zero);
  // The stacked scratch holds the bound's rows; only the rows present are stored.
  task.setTokenRows(context.tokenRows);
  task.forEachRowItem(rowsOut, rows, 1, context.entry, [&](Value item) {
    Value row = arith::MulIOp::create(builder, loc, item, task.constantIndex(rows));
    Value stackedRow = arith::MulIOp::create(builder, loc, row, task.constantIndex(2));
    task.load(sourceTile, source, stackedRow, zero);
    ascend::TGatherIndexOp::create(builder, loc, outTile, sourceTile, indexTile, scratchTile);
    task.store(out, row, zero, outTile, row);
  });
  task.finish(context.module, context.name, context.host,
              std::min<int64_t>(rowsOut / rows, context.target.vectorCores));
  return success();
}

LogicalResult tilec::conversion::lowerTranspose(Location loc, const GmLocation &source,
                                                const GmLocation &result,
                                                ascend::ChunkingAttr chunking,
                                                TaskContext &context) {
  MatrixShape shape = source.shape;
  int64_t rows = chunking.getRows(), cols = chunking.getCols();
  if (rows == 0 || cols == 0 || shape.rows % rows != 0 || shape.cols % cols != 0)
    return emitError(loc) << "the strategy " << chunking << " does not tile the transpose of "
                          << shape.rows << " × " << shape.cols
                          << " elements: its blocks divide both dimensions";
  Type element = result.getBufferType().getElementType();
  TaskBuilder task(loc.getContext(), loc, ascend::CoreType::aiv);
  OpBuilder &b = task.builder();
  TaskGlobal from = task.addGlobal(source), to = task.addGlobal(result);
  Value in = task.allocTile(rows, cols, element, MemorySpace::ub);
  Value out = task.allocTile(cols, rows, element, MemorySpace::ub);
  Value scratch = task.allocTile(cols, rows, element, MemorySpace::ub);
  int64_t colChunks = shape.cols / cols, chunks = shape.rows / rows * colChunks;
  task.forEachWorkItem(chunks, [&](Value item) {
    auto [row, col] = task.chunkOrigin(item, colChunks, rows, cols);
    task.load(in, from, row, col);
    ascend::TTransOp::create(b, loc, out, in, scratch);
    task.store(to, col, row, out);
  });
  task.finish(context.module, context.name, context.host,
              std::min<int64_t>(chunks, context.target.vectorCores));
  return success();
}

LogicalResult tilec::conversion::lowerLoadRows(Location loc, const GmLocation &table,
                                               const GmLocation &rows, Value col,
                                               const GmLocation &result, TaskContext &context) {
  Type element = result.getBufferType().getElementType();
  int64_t count = result.shape.rows, width = result.shape.cols;
  TaskBuilder task(loc.getContext(), loc, ascend::CoreType::aiv);
  OpBuilder &b = task.builder();
  TaskGlobal source = task.addGlobal(table), indices = task.addGlobal(rows),
             out = task.addGlobal(result);
  Value column = task.addScalar(col);
  Value tile = task.allocTile(1, width, element, MemorySpace::ub);
  // One row per work item: read its index on the scalar unit, move the row.
  task.setTokenRows(context.tokenRows);
  task.forEachRowItem(count, 1, 1, context.entry, [&](Value row) {
    SmallVector<Value> at(indices.offsets);
    at.back() = arith::AddIOp::create(b, loc, at.back(), row);
    Value index = ascend::ScalarLoadOp::create(b, loc, b.getI32Type(), indices.buffer, at);
    Value tableRow = arith::IndexCastOp::create(b, loc, b.getIndexType(), index);
    TaskGlobal picked = source;
    picked.offsets[table.rowDim >= 0 ? table.rowDim : 0] = tableRow;
    task.load(tile, picked, task.constantIndex(0), column);
    task.store(out, row, task.constantIndex(0), tile);
  });
  task.finish(context.module, context.name, context.host,
              std::min<int64_t>(count, context.target.vectorCores));
  return success();
}
