//===- StrategyVector.cpp - chunks of vector ops and interleaves ----------===//
//
// A vector task walks its data in chunks of rows × cols spread over the
// vector cores. The chunks divide the data (every chunk is full), fit UB and,
// while each still moves at least the target's minimum efficient transfer,
// shrink until every vector core has one.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/conversion/TaskLowering.h"

#include "llvm/Support/MathExtras.h"

#include <numeric>

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {
/// Every tensor operand may need its stored and its f32 copy, plus the
/// result's, a scratch tile and one expansion: a conservative live set of f32
/// tiles whose rows are padded to the target's alignment.
constexpr uint64_t kF32Bytes = 4;
uint64_t chunkRowBytes(int64_t cols, unsigned tensorOperands,
                       const target::TargetDescription &target) {
  return llvm::alignTo(uint64_t(cols) * kF32Bytes, target.alignment) * (2 * tensorOperands + 4);
}
} // namespace

uint64_t tilec::conversion::columnReductionRowBytes(const target::TargetDescription &target) {
  return chunkRowBytes(1, /*tensorOperands=*/1, target);
}

FailureOr<ascend::ChunkingAttr>
tilec::conversion::chooseVectorChunking(Operation *op, const target::TargetDescription &target) {
  // Reductions and gathers iterate over their (wider) source and keep their
  // reduced dimension in one chunk.
  bool fullRows = reducesRows(op), fullCols = reducesCols(op);
  Value widestValue = fullRows || fullCols ? op->getOperand(0) : op->getResult(0);
  MatrixShape widest = MatrixShape::of(cast<RankedTensorType>(widestValue.getType()).getShape());
  // The chunk rows divide the blocks in which each broadcast operand reads
  // one window (RowMap.h).
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  int64_t rowBlock = widest.rows;
  unsigned tensorOperands = 0;
  for (Value operand : operandsRead(op)) {
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    if (!type)
      continue;
    ++tensorOperands;
    if (!fullRows && !fullCols)
      rowBlock = std::gcd(rowBlock, RowMap(type.getShape(), resultType.getShape()).rowBlock());
  }
  uint64_t capacity = target.capacityOf(target::MemSpace::UB);
  uint64_t tilesPerChunk = 2 * tensorOperands + 4;
  int64_t cols =
      fullRows ? widest.cols : largestDivisorAtMost(widest.cols, target.vectorChunkMaxCols);
  auto rowBytes = [&](int64_t c) { return chunkRowBytes(c, tensorOperands, target); };
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
  // tile-split-col-reductions leaves only reductions whose rows fit.
  if (fullCols && rows > maxRows)
    return op->emitOpError("needs whole columns of ")
           << widest.rows << " rows in UB, at most " << maxRows
           << " fit: run tile-split-col-reductions first";
  // Prefer enough chunks for every vector core over bigger chunks, down to
  // chunks of the minimum efficient transfer.
  while (!fullCols && rows > 1 && (widest.rows / rows) * colChunks < target.vectorCores &&
         uint64_t((rows / 2) * cols) * kF32Bytes >= target.minEfficientTransferBytes) {
    int64_t smaller = largestDivisorAtMost(rowBlock, rows - 1);
    if (smaller == rows)
      break;
    rows = smaller;
  }
  return ascend::ChunkingAttr::get(op->getContext(), rows, cols, false);
}

ascend::ChunkingAttr
tilec::conversion::chooseInterleaveChunking(MLIRContext *context, int64_t rowsOut, int64_t pairs,
                                            Type element, const target::TargetDescription &target) {
  int64_t elementBytes = element.getIntOrFloatBitWidth() / 8;
  // Per output row: two stacked source rows, the output row and its indices
  // (i32, one per output element, rows aligned).
  int64_t sourceBytes = int64_t(llvm::alignTo(uint64_t(pairs * elementBytes), target.alignment));
  constexpr int64_t kIndexBytes = 4;
  int64_t rowBytes = 2 * sourceBytes + 2 * (2 * pairs * kIndexBytes + int64_t(target.alignment));
  uint64_t capacity = target.capacityOf(target::MemSpace::UB);
  int64_t rows = largestDivisorAtMost(rowsOut, std::max<int64_t>(1, capacity / rowBytes));
  while (rows > 1 && rowsOut / rows < target.vectorCores &&
         uint64_t((rows / 2) * rowBytes) >= target.minEfficientTransferBytes)
    rows = largestDivisorAtMost(rowsOut, rows - 1);
  return ascend::ChunkingAttr::get(context, rows, 2 * pairs, false);
}

ascend::ChunkingAttr
tilec::conversion::chooseTransposeChunking(MLIRContext *context, int64_t rows, int64_t cols,
                                           Type element, const target::TargetDescription &target) {
  int64_t elementBytes = element.getIntOrFloatBitWidth() / 8;
  auto rowBytes = [&](int64_t n) {
    return int64_t(llvm::alignTo(uint64_t(n * elementBytes), target.alignment));
  };
  // The block [r, c], its transpose and the scratch tile, rows aligned.
  auto bytes = [&](int64_t r, int64_t c) { return r * rowBytes(c) + 2 * c * rowBytes(r); };
  int64_t budget = int64_t(target.capacityOf(target::MemSpace::UB) / 2);
  int64_t r = largestDivisorAtMost(rows, target.vectorChunkMaxCols);
  int64_t c = largestDivisorAtMost(cols, target.vectorChunkMaxCols);
  while (bytes(r, c) > budget && (r > 1 || c > 1)) {
    if (r >= c)
      r = largestDivisorAtMost(rows, r - 1);
    else
      c = largestDivisorAtMost(cols, c - 1);
  }
  return ascend::ChunkingAttr::get(context, r, c, false);
}
