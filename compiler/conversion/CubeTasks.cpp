//===- CubeTasks.cpp - matmul as an AIC task over L1/L0 blocks ------------===//
//
// C[M, N] = A[M, K] × B[K, N] in blocks of bm × bn outputs spread over the
// cube cores; for each block the K dimension is walked in steps of bk:
// GM → L1 (TLOAD), L1 → L0A / L0B (TMOV), TMATMUL then TMATMUL_ACC into L0C,
// and the finished block goes L0C → GM through the fixpipe (TSTORE).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/TaskBuilder.h"
#include "compiler/conversion/TaskLowering.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;
using ascend::MemorySpace;

namespace {

struct Blocking {
  int64_t m, n, k;
};

/// Output blocks of at most 128 × 128 (L0C) and the deepest K step whose
/// operand blocks fit L0A and L0B (and, together, L1).
FailureOr<Blocking> chooseBlocking(Location loc, int64_t m, int64_t k, int64_t n,
                                   int64_t elementBytes, const target::TargetDescription &target) {
  Blocking blocking;
  blocking.m = largestDivisorAtMost(m, 128);
  blocking.n = largestDivisorAtMost(n, 128);
  int64_t l0a = int64_t(target.capacityOf(target::MemSpace::L0A));
  int64_t l0b = int64_t(target.capacityOf(target::MemSpace::L0B));
  int64_t l1 = int64_t(target.capacityOf(target::MemSpace::L1));
  int64_t deepest = std::min({l0a / (blocking.m * elementBytes),
                              l0b / (blocking.n * elementBytes),
                              l1 / ((blocking.m + blocking.n) * elementBytes), int64_t(512)});
  blocking.k = largestDivisorAtMost(k, deepest);
  if (int64_t(target.capacityOf(target::MemSpace::L0C)) < blocking.m * blocking.n * 4)
    return emitError(loc) << "a " << blocking.m << " × " << blocking.n
                          << " accumulator block does not fit L0C";
  return blocking;
}

} // namespace

LogicalResult tilec::conversion::lowerMatmul(Location loc, const GmLocation &lhs,
                                             const GmLocation &rhs, const GmLocation &result,
                                             TaskContext &context) {
  int64_t m = lhs.shape.rows, k = lhs.shape.cols, n = rhs.shape.cols;
  Type operandType = lhs.getBufferType().getElementType();
  Type accType = result.getBufferType().getElementType();
  int64_t elementBytes = operandType.getIntOrFloatBitWidth() / 8;
  FailureOr<Blocking> blocking = chooseBlocking(loc, m, k, n, elementBytes, context.target);
  if (failed(blocking))
    return failure();
  const Blocking block = *blocking;

  TaskBuilder task(loc.getContext(), loc, ascend::CoreType::aic);
  OpBuilder &b = task.builder();
  TaskGlobal a = task.addGlobal(lhs), bMatrix = task.addGlobal(rhs), c = task.addGlobal(result);
  Value aL1 = task.allocTile(block.m, block.k, operandType, MemorySpace::l1);
  Value bL1 = task.allocTile(block.k, block.n, operandType, MemorySpace::l1);
  Value aL0 = task.allocTile(block.m, block.k, operandType, MemorySpace::l0a);
  Value bL0 = task.allocTile(block.k, block.n, operandType, MemorySpace::l0b);
  Value acc = task.allocTile(block.m, block.n, accType, MemorySpace::l0c);
  int64_t nBlocks = n / block.n;

  // One K step: stage both operand blocks through L1 into L0 and multiply.
  auto step = [&](Value row, Value col, Value kOffset, bool accumulate) {
    task.load(aL1, a, row, kOffset);
    task.load(bL1, bMatrix, kOffset, col);
    ascend::TMovOp::create(b, loc, aL0, aL1);
    ascend::TMovOp::create(b, loc, bL0, bL1);
    if (accumulate)
      ascend::TMatmulAccOp::create(b, loc, acc, aL0, bL0);
    else
      ascend::TMatmulOp::create(b, loc, acc, aL0, bL0);
  };

  task.forEachWorkItem((m / block.m) * nBlocks, [&](Value item) {
    Value perRow = task.constantIndex(nBlocks);
    Value row = arith::MulIOp::create(b, loc, arith::DivUIOp::create(b, loc, item, perRow),
                                      task.constantIndex(block.m));
    Value col = arith::MulIOp::create(b, loc, arith::RemUIOp::create(b, loc, item, perRow),
                                      task.constantIndex(block.n));
    step(row, col, task.constantIndex(0), /*accumulate=*/false);
    if (k > block.k) {
      auto kLoop = scf::ForOp::create(b, loc, task.constantIndex(block.k), task.constantIndex(k),
                                      task.constantIndex(block.k));
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(kLoop.getBody()->getTerminator());
      step(row, col, kLoop.getInductionVar(), /*accumulate=*/true);
    }
    task.store(c, row, col, acc);
  });
  task.finish(context.module, context.name, context.host,
              std::min<int64_t>((m / block.m) * nBlocks, context.target.cubeCores));
  return success();
}
