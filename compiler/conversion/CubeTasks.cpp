//===- CubeTasks.cpp - matmul as an AIC task over L1/L0 blocks ------------===//
//
// C[M, N] = A[M, K] × B[K, N] in blocks of bm × bn outputs. A work item is a
// segment of consecutive N blocks of one row block, segments the longest that
// still give every cube core work. For each block the K
// dimension is walked in steps of bk: the B block goes GM → L1 → L0B (TLOAD,
// TMOV), TMATMUL then TMATMUL_ACC into L0C, and the finished block goes
// L0C → GM through the fixpipe (TSTORE).
//
// The A operand is read from GM as rarely as the on-chip memories allow:
// - when A's [bm, K] row panel and two B blocks fit L1, the panel is loaded
//   once per work item and every K step takes its L0A operand from it
//   (TEXTRACT of the [bm, bk] window at column k);
// - otherwise each K step stages the A block GM → L1 → L0A, and N blocks are
//   widened from 128 to 256 columns, halving A's re-reads, when the
//   accumulator still fits L0C, the K step keeps the L0B block as large and
//   every cube core still gets a block.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/TaskBuilder.h"
#include "compiler/conversion/TaskLowering.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;
using ascend::MemorySpace;

namespace {

struct Blocking {
  int64_t m, n, k;
  bool panel; ///< A's [m, K] row panel stays in L1 for a whole work item
};

/// Bytes memory planning reserves for a rows × cols tile.
int64_t tileBytes(int64_t rows, int64_t cols, Type element, MemorySpace space) {
  return ascend::TileBufferType::get(element.getContext(), {rows, cols}, element, space)
      .getNumBytes();
}

/// Output blocks of at most 128 rows and 128 (or, widened, 256) columns whose
/// accumulator fits L0C, and the deepest K step whose operand blocks fit L0A,
/// L0B and L1.
FailureOr<Blocking> chooseBlocking(Location loc, int64_t m, int64_t k, int64_t n,
                                   Type operandType, Type accType,
                                   const target::TargetDescription &target) {
  int64_t elementBytes = operandType.getIntOrFloatBitWidth() / 8;
  int64_t accBytes = accType.getIntOrFloatBitWidth() / 8;
  int64_t l0a = int64_t(target.capacityOf(target::MemSpace::L0A));
  int64_t l0b = int64_t(target.capacityOf(target::MemSpace::L0B));
  int64_t l0c = int64_t(target.capacityOf(target::MemSpace::L0C));
  int64_t l1 = int64_t(target.capacityOf(target::MemSpace::L1));
  int64_t bm = largestDivisorAtMost(m, 128);
  auto blocking = [&](int64_t widest) {
    int64_t bn = largestDivisorAtMost(n, widest);
    int64_t deepest = std::min({l0a / (bm * elementBytes), l0b / (bn * elementBytes),
                                l1 / ((bm + bn) * elementBytes), int64_t(512)});
    return Blocking{bm, bn, largestDivisorAtMost(k, deepest), /*panel=*/false};
  };

  Blocking narrow = blocking(128);
  if (l0c < narrow.m * narrow.n * accBytes)
    return emitError(loc) << "a " << narrow.m << " × " << narrow.n
                          << " accumulator block does not fit L0C";
  // The A panel, with room beside it to double-buffer the B blocks.
  int64_t panelBytes = tileBytes(bm, k, operandType, MemorySpace::l1) +
                       2 * tileBytes(narrow.k, narrow.n, operandType, MemorySpace::l1);
  if (panelBytes <= l1) {
    narrow.panel = true;
    return narrow;
  }
  // Wider N blocks re-read A less often; worth it only while the K step keeps
  // the L0B block as large and no cube core is left without a block.
  Blocking wide = blocking(256);
  bool widen = wide.m * wide.n * accBytes <= l0c && wide.k * wide.n >= narrow.k * narrow.n &&
               (m / wide.m) * (n / wide.n) >= target.cubeCores;
  return widen ? wide : narrow;
}

} // namespace

LogicalResult tilec::conversion::lowerMatmul(Location loc, const GmLocation &lhs,
                                             const GmLocation &rhs, const GmLocation &result,
                                             TaskContext &context) {
  int64_t m = lhs.shape.rows, k = lhs.shape.cols, n = rhs.shape.cols;
  Type operandType = lhs.getBufferType().getElementType();
  Type accType = result.getBufferType().getElementType();
  FailureOr<Blocking> blocking =
      chooseBlocking(loc, m, k, n, operandType, accType, context.target);
  if (failed(blocking))
    return failure();
  const Blocking block = *blocking;

  // Work items: `perRow` segments of `length` N blocks in each row block.
  int64_t rowBlocks = m / block.m, colBlocks = n / block.n;
  int64_t wanted =
      std::min<int64_t>(colBlocks, llvm::divideCeil(context.target.cubeCores, rowBlocks));
  int64_t length = llvm::divideCeil(colBlocks, wanted);
  int64_t perRow = llvm::divideCeil(colBlocks, length);
  int64_t items = rowBlocks * perRow;

  TaskBuilder task(loc.getContext(), loc, ascend::CoreType::aic);
  OpBuilder &b = task.builder();
  TaskGlobal a = task.addGlobal(lhs), bMatrix = task.addGlobal(rhs), c = task.addGlobal(result);
  Value aL1 = task.allocTile(block.m, block.panel ? k : block.k, operandType, MemorySpace::l1);
  Value bL1 = task.allocTile(block.k, block.n, operandType, MemorySpace::l1);
  Value aL0 = task.allocTile(block.m, block.k, operandType, MemorySpace::l0a);
  Value bL0 = task.allocTile(block.k, block.n, operandType, MemorySpace::l0b);
  Value acc = task.allocTile(block.m, block.n, accType, MemorySpace::l0c);
  Value zero = task.constantIndex(0);

  // One K step: the A block from the resident panel or staged through L1,
  // the B block staged through L1, then the multiply.
  auto step = [&](Value row, Value col, Value kOffset, bool accumulate) {
    if (block.panel) {
      ascend::TExtractOp::create(b, loc, aL0, aL1, zero, kOffset);
    } else {
      task.load(aL1, a, row, kOffset);
      ascend::TMovOp::create(b, loc, aL0, aL1);
    }
    task.load(bL1, bMatrix, kOffset, col);
    ascend::TMovOp::create(b, loc, bL0, bL1);
    if (accumulate)
      ascend::TMatmulAccOp::create(b, loc, acc, aL0, bL0);
    else
      ascend::TMatmulOp::create(b, loc, acc, aL0, bL0);
  };

  // One output block: the K steps into L0C, then the store.
  auto outputBlock = [&](Value row, Value col) {
    step(row, col, zero, /*accumulate=*/false);
    if (k > block.k) {
      auto kLoop = scf::ForOp::create(b, loc, task.constantIndex(block.k), task.constantIndex(k),
                                      task.constantIndex(block.k));
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(kLoop.getBody()->getTerminator());
      step(row, col, kLoop.getInductionVar(), /*accumulate=*/true);
    }
    task.store(c, row, col, acc);
  };

  task.forEachWorkItem(items, [&](Value item) {
    Value segments = task.constantIndex(perRow);
    Value segmentCols = task.constantIndex(length * block.n);
    Value row = arith::MulIOp::create(b, loc, arith::DivUIOp::create(b, loc, item, segments),
                                      task.constantIndex(block.m));
    Value first = arith::MulIOp::create(b, loc, arith::RemUIOp::create(b, loc, item, segments),
                                        segmentCols);
    if (block.panel)
      task.load(aL1, a, row, zero);
    if (length == 1)
      return outputBlock(row, first);
    Value last = arith::AddIOp::create(b, loc, first, segmentCols);
    if (colBlocks % length != 0)
      last = arith::MinUIOp::create(b, loc, last, task.constantIndex(n));
    auto colLoop = scf::ForOp::create(b, loc, first, last, task.constantIndex(block.n));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(colLoop.getBody()->getTerminator());
    outputBlock(row, colLoop.getInductionVar());
  });
  task.finish(context.module, context.name, context.host,
              std::min<int64_t>(items, context.target.cubeCores));
  return success();
}
