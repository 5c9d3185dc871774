//===- CubeTasks.cpp - matmul as an AIC task over L1/L0 blocks ------------===//
//
// C[M, N] = A[M, K] × B[K, N] in output blocks of bm × bn. A work item is a
// segment of consecutive N blocks of one row block; the items go round the
// cube cores block-cyclically. Each block walks K in chunks staged in L1
// (TLOAD) and, within a chunk, in steps of bk moved to L0A/L0B (TMOV, or
// TEXTRACT of the step's window) and multiplied into L0C (TMATMUL, then
// TMATMUL_ACC); the finished block goes L0C → GM through the fixpipe (TSTORE),
// or in a mixed launch into the ring's current slot (TPUSH, PairedTasks.cpp).
// K is never split across cores, so every output sums its products in the
// same order whatever the blocking (bk is a multiple of the cube's K0).
//
// Everything is buffered more than once: L1 chunks go round the blocking's
// `buffers` stages (two to four), L0 steps alternate between two pairs of
// L0A/L0B buffers, and, when two fit L0C, consecutive blocks between two
// accumulators. A blocking of one buffer (a `pipeline` K-loop of stages=1)
// gives the chunks and the steps one buffer each, which the pipes then take
// in turn. The loops are unrolled by a whole round of the stages (and an
// even number of chunks) so that each copy names its own buffers (allocated
// in stages that never share bytes); ascend-insert-sync's loop-carried flags
// then let MTE2 load the next chunks while MTE1 and M work on this one and
// the fixpipe store one block while M computes the next. With one
// accumulator M waits for the store before the next block; the stages
// beyond two keep MTE2 loading meanwhile.
//
// A task may multiply A by several B (matmuls of the same A joined in one
// launch, `ascend.joined`): a row block's work items go over the first B's
// segments, then the next's, each item a branch on its part, every part on
// the same buffers.
//
// A's [bm, K] row panel stays in L1 for a whole work item when the blocking
// says so (each step takes its L0A window from it); otherwise A is staged
// chunk by chunk with B. The blocking is the op's `ascend.strategy`
// (tile-select-strategy chooses it, StrategyCube.cpp). A B given transposed
// ([N, K], as K in Q·Kᵀ) is loaded into L1 through a DN view as ZN fractals,
// L0B's own order, so no vector copy transposes it and the rest of the task
// is unchanged. K beyond the whole K0 steps is one more step, the tail.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/CubeBlocking.h"
#include "compiler/conversion/TaskBuilder.h"
#include "compiler/conversion/TaskLowering.h"
#include "compiler/transforms/CastChain.h"
#include "dialects/Tile/ElementTypes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;
using ascend::MemorySpace;

namespace {

/// Emits `body(offset)` for offset = from, from + step, … below `to`: inline
/// when `count` (the number of iterations, if known) is at most 2 (so the
/// flags of a slot's two pairs of blocks are the work-item loop's, carried
/// from item to item), else a loop.
void forRange(OpBuilder &b, Location loc, Value from, Value to, Value step,
              std::optional<int64_t> count, function_ref<void(Value)> body) {
  if (count && *count == 0)
    return;
  if (count && *count <= 2) {
    body(from);
    if (*count == 2)
      body(arith::AddIOp::create(b, loc, from, step));
    return;
  }
  auto loop = scf::ForOp::create(b, loc, from, to, step);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(loop.getBody()->getTerminator());
  body(loop.getInductionVar());
}

/// `src` (L1) whole into `dst` (L0A or L0B). TMOV copies tiles as stored, so
/// their padded shapes must match; an 8-bit A block whose rows are not a
/// multiple of 32 pads them to 32 in L1 but to 16 in L0A, and TEXTRACT then
/// takes its window at the origin.
void moveWhole(OpBuilder &b, Location loc, Value dst, Value src, Value zero) {
  auto padded = [](Value tile) {
    auto type = cast<ascend::TileBufferType>(tile.getType());
    return std::make_pair(llvm::alignTo(type.getRows(), type.getCubeRowGranule()),
                          llvm::alignTo(type.getCols(), type.getCubeColGranule()));
  };
  if (padded(dst) == padded(src))
    ascend::TMovOp::create(b, loc, dst, src);
  else
    ascend::TExtractOp::create(b, loc, dst, src, zero, zero);
}

} // namespace

FailureOr<int64_t> tilec::conversion::buildMatmul(TaskBuilder &task, Location loc,
                                                  const GmLocation &lhs,
                                                  ArrayRef<MatmulPart> parts, Value ring,
                                                  ascend::BlockingAttr blocking, bool transposeB,
                                                  TaskContext &context) {
  // A ring pushed by the AIVs (v2c) brings A, a row block per slot: A has
  // no place in GM, only its shape.
  auto ringType = ring ? cast<ascend::RingType>(ring.getType()) : ascend::RingType();
  const bool lhsFromRing = ringType && ringType.isV2c();
  Type operandType =
      lhsFromRing ? ringType.getElement() : lhs.getBufferType().getElementType();
  Type accType = parts.front().result ? parts.front().result->getBufferType().getElementType()
                                      : ringType.getElement();
  const Blocking block = Blocking::of(blocking);
  const int64_t m = lhs.shape.rows, k = lhs.shape.cols;
  SmallVector<int64_t, 2> partCols;
  for (const MatmulPart &part : parts)
    partCols.push_back(transposeB ? part.rhs.shape.rows : part.rhs.shape.cols);
  // K beyond the whole chunks (less than one K0 step, StrategyCube.cpp) is
  // one more step of its own, its fractals padded on chip.
  const int64_t chunks = k / block.chunk, tail = k % block.chunk;
  if (m % block.m != 0 || llvm::any_of(partCols, [&](int64_t n) { return n % block.n != 0; }) ||
      chunks == 0 || tail > block.k) {
    InFlightDiagnostic diag = emitError(loc) << "the blocking " << blocking << " does not tile the "
                                             << m << " × " << k << " × ";
    llvm::interleave(partCols, diag, " + ");
    return diag << " matmul: m and n must divide M and N, and chunk must divide K "
                   "but for at most one step of k";
  }
  const Distribution dist(m, partCols, block);
  const int64_t stepsPerChunk = block.chunk / block.k;
  if (lhsFromRing && (!block.panel || dist.perRow != 1 || block.m != ringType.getRows() ||
                      k != ringType.getCols() || context.tokenRows))
    return emitError(loc) << "the blocking " << blocking << " does not take A from its "
                          << ringType.getRows() << " x " << ringType.getCols()
                          << " slots: a work item is a slot's row block, all of its columns, "
                             "with A's panel in L1, of static rows";

  // With run-time token rows (M), the last row block is partial: A's rows and
  // C's are loaded and stored up to M only.
  task.setTokenRows(context.tokenRows);
  OpBuilder &b = task.builder();
  TaskGlobal a = lhsFromRing ? TaskGlobal() : task.addGlobal(lhs);
  SmallVector<TaskGlobal, 2> bMatrices, results;
  for (const MatmulPart &part : parts) {
    bMatrices.push_back(task.addGlobal(part.rhs));
    results.push_back(part.result ? task.addGlobal(*part.result) : TaskGlobal());
  }
  Value panel = block.panel ? task.allocTile(block.m, k, operandType, MemorySpace::l1) : Value();
  // One buffer per stage, allocated when first used: L1's `buffers` stages,
  // L0's two (or one), L0C's accumulators.
  Value aL1s[kMaxCubeBuffers], bL1s[kMaxCubeBuffers], aL0s[2], bL0s[2], accs[2];
  ascend::FractalLayout bLayout =
      transposeB ? ascend::FractalLayout::zn : ascend::FractalLayout::nz;
  auto buffer = [&](MutableArrayRef<Value> buffers, int64_t stage, int64_t rows, int64_t cols, Type type,
                    MemorySpace space, ascend::FractalLayout layout = ascend::FractalLayout::nz) {
    if (space != MemorySpace::l0c)
      stage %= block.buffers;
    if (!buffers[stage]) {
      task.setStage(stage);
      buffers[stage] = task.allocTile(rows, cols, type, space, layout);
      task.setStage(std::nullopt);
    }
    return buffers[stage];
  };
  auto aL1 = [&](int64_t s) {
    return buffer(aL1s, s, block.m, block.chunk, operandType, MemorySpace::l1);
  };
  auto bL1 = [&](int64_t s) {
    return buffer(bL1s, s, block.chunk, block.n, operandType, MemorySpace::l1, bLayout);
  };
  auto aL0 = [&](int64_t s) {
    return buffer(aL0s, s, block.m, block.k, operandType, MemorySpace::l0a);
  };
  auto bL0 = [&](int64_t s) {
    return buffer(bL0s, s, block.k, block.n, operandType, MemorySpace::l0b);
  };
  auto acc = [&](int64_t s) {
    return buffer(accs, s, block.m, block.n, accType, MemorySpace::l0c);
  };
  Value zero = task.constantIndex(0);

  // One L1 chunk at K offset `kOffset`, the chunk `position` chunks into the
  // round of stages that started with stage 0: the loads into that stage's
  // buffers, then its steps, whose L0 buffers alternate with every step.
  auto chunkAt = [&](const TaskGlobal &bMatrix, Value row, Value col, Value acc, Value kOffset,
                     int64_t position, bool first) {
    const int64_t stage = position % block.buffers;
    if (!block.panel)
      task.load(aL1(stage), a, row, kOffset, /*tokenRow=*/row);
    if (transposeB)
      task.loadTransposed(bL1(stage), bMatrix, col, kOffset);
    else
      task.load(bL1(stage), bMatrix, kOffset, col);
    for (int64_t step = 0; step < stepsPerChunk; ++step) {
      int64_t l0 = (position * stepsPerChunk + step) % 2;
      Value within = task.constantIndex(step * block.k);
      auto moveA = [&] {
        if (block.panel)
          ascend::TExtractOp::create(b, loc, aL0(l0), panel, zero,
                                     arith::AddIOp::create(b, loc, kOffset, within));
        else if (stepsPerChunk == 1)
          moveWhole(b, loc, aL0(l0), aL1(stage), zero);
        else
          ascend::TExtractOp::create(b, loc, aL0(l0), aL1(stage), zero, within);
      };
      auto moveB = [&] {
        if (stepsPerChunk == 1)
          moveWhole(b, loc, bL0(l0), bL1(stage), zero);
        else
          ascend::TExtractOp::create(b, loc, bL0(l0), bL1(stage), within, zero);
      };
      // The flag that lets the next load of A's stage buffer go waits for
      // the last move from it; moved last, A's covers B's too, so a stage
      // takes one event id, not two (beyond two stages, two per stage would
      // take all the ids of MTE1 → MTE2).
      if (block.buffers > 2 && !block.panel && step + 1 == stepsPerChunk) {
        moveB();
        moveA();
      } else {
        moveA();
        moveB();
      }
      if (first && step == 0)
        ascend::TMatmulOp::create(b, loc, acc, aL0(l0), bL0(l0));
      else
        ascend::TMatmulAccOp::create(b, loc, acc, acc, aL0(l0), bL0(l0));
    }
  };

  // The K tail of a block: one step in single buffers of `tail` columns of A
  // (taken from A's panel, if it has one) and rows of B, added into the
  // accumulator after the whole chunks.
  Value aTailL1, bTailL1, aTailL0, bTailL0;
  auto tailStep = [&](const TaskGlobal &bMatrix, Value row, Value col, Value acc) {
    if (!bTailL1) {
      if (!block.panel)
        aTailL1 = task.allocTile(block.m, tail, operandType, MemorySpace::l1);
      bTailL1 = task.allocTile(tail, block.n, operandType, MemorySpace::l1, bLayout);
      aTailL0 = task.allocTile(block.m, tail, operandType, MemorySpace::l0a);
      bTailL0 = task.allocTile(tail, block.n, operandType, MemorySpace::l0b);
    }
    Value kOffset = task.constantIndex(k - tail);
    if (block.panel) {
      ascend::TExtractOp::create(b, loc, aTailL0, panel, zero, kOffset);
    } else {
      task.load(aTailL1, a, row, kOffset, /*tokenRow=*/row);
      moveWhole(b, loc, aTailL0, aTailL1, zero);
    }
    if (transposeB)
      task.loadTransposed(bTailL1, bMatrix, col, kOffset);
    else
      task.load(bTailL1, bMatrix, kOffset, col);
    moveWhole(b, loc, bTailL0, bTailL1, zero);
    ascend::TMatmulAccOp::create(b, loc, acc, acc, aTailL0, bTailL0);
  };

  // A loop over the chunks names each stage's buffers in its body, so its
  // body is a whole round of the stages, and an even number of chunks, so
  // that it also starts on the same L0 buffers.
  const int64_t unroll = block.buffers % 2 == 0 ? block.buffers : 2 * block.buffers;

  // One output block of part `part` whose chunk 0 is at `start` in the round
  // of stages: chunk 0, then rounds of `unroll` chunks, then the chunks left,
  // then the K tail; then the store.
  auto outputBlock = [&](size_t part, Value row, Value col, Value acc, int64_t start) {
    const TaskGlobal &bMatrix = bMatrices[part];
    chunkAt(bMatrix, row, col, acc, zero, start, /*first=*/true);
    int64_t rounds = (chunks - 1) / unroll;
    Value roundStep = task.constantIndex(unroll * block.chunk);
    Value roundsEnd = task.constantIndex(block.chunk + rounds * unroll * block.chunk);
    forRange(b, loc, task.constantIndex(block.chunk), roundsEnd, roundStep, rounds,
             [&](Value kc) {
               for (int64_t i = 0; i < unroll; ++i)
                 chunkAt(bMatrix, row, col, acc,
                         i ? arith::AddIOp::create(b, loc, kc,
                                                   task.constantIndex(i * block.chunk))
                                 .getResult()
                           : kc,
                         start + 1 + i, false);
             });
    for (int64_t left = 1 + rounds * unroll; left < chunks; ++left)
      chunkAt(bMatrix, row, col, acc, task.constantIndex(left * block.chunk), start + left,
              false);
    if (tail)
      tailStep(bMatrix, row, col, acc);
    if (ring && !lhsFromRing)
      ascend::TPushOp::create(b, loc, acc, ring, col);
    else
      task.store(results[part], row, col, acc, /*tokenRow=*/row);
  };

  // The segment of `segmentCols` columns of part `part` from its column
  // `first` in the row block at `row`: blocks first, first + bn, … below
  // last; the last segment of a row may be shorter, so its bounds are
  // computed. Pairs of blocks, the second on the other accumulator (if there
  // are two) and starting on the L1 and L0 buffers after the first's last,
  // then a last block like the first.
  auto segmentOf = [&](size_t part, Value row, Value first, Value segmentCols) {
    if (block.length == 1)
      return outputBlock(part, row, first, acc(0), 0);
    const int64_t n = partCols[part];
    bool even = (n / block.n) % block.length == 0;
    Value last = arith::AddIOp::create(b, loc, first, segmentCols);
    if (!even)
      last = arith::MinUIOp::create(b, loc, last, task.constantIndex(n));
    Value blockStep = task.constantIndex(block.n);
    Value pairStep = task.constantIndex(2 * block.n);
    Value pairsEnd =
        even ? arith::AddIOp::create(b, loc, first,
                                     task.constantIndex(block.length / 2 * 2 * block.n))
             : arith::AddIOp::create(
                   b, loc, first,
                   arith::MulIOp::create(
                       b, loc,
                       arith::DivUIOp::create(b, loc, arith::SubIOp::create(b, loc, last, first),
                                              pairStep),
                       pairStep));
    forRange(b, loc, first, pairsEnd, pairStep,
             even ? std::optional<int64_t>(block.length / 2) : std::nullopt, [&](Value col) {
               outputBlock(part, row, col, acc(0), 0);
               outputBlock(part, row, arith::AddIOp::create(b, loc, col, blockStep),
                           acc(block.accumulators - 1), chunks);
             });
    forRange(b, loc, pairsEnd, last, blockStep,
             even ? std::optional<int64_t>(block.length % 2) : std::nullopt,
             [&](Value col) { outputBlock(part, row, col, acc(0), 0); });
  };

  // The segment whose first column (over all parts) is `first`, over the
  // parts from `part` on: the first part's own, else (past its columns) the
  // next parts'.
  std::function<void(size_t, Value, Value, Value)> segmentFrom =
      [&](size_t part, Value row, Value first, Value segmentCols) {
    if (part + 1 == parts.size())
      return segmentOf(part, row, first, segmentCols);
    Value partEnd = task.constantIndex(dist.partItems[part] * block.length * block.n);
    auto inPart = scf::IfOp::create(
        b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, first, partEnd),
        /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(inPart.thenBlock()->getTerminator());
    segmentOf(part, row, first, segmentCols);
    b.setInsertionPoint(inPart.elseBlock()->getTerminator());
    segmentFrom(part + 1, row, arith::SubIOp::create(b, loc, first, partEnd), segmentCols);
  };

  task.forEachRowItem(m, block.m, dist.perRow, context.entry, [&](Value item) {
    Value segments = task.constantIndex(dist.perRow);
    Value segmentCols = task.constantIndex(block.length * block.n);
    // Row block by row block, or column by column: the item's row block and
    // its segment of that row block's columns.
    auto rowOf = [&](Value rowBlock) {
      return arith::MulIOp::create(b, loc, rowBlock, task.constantIndex(block.m));
    };
    auto firstOf = [&](Value segment) {
      return arith::MulIOp::create(b, loc, segment, segmentCols);
    };
    Value row, first;
    if (block.streamWeights) {
      Value rowBlocks = arith::DivUIOp::create(b, loc, task.itemsEnd(), segments);
      row = rowOf(arith::RemUIOp::create(b, loc, item, rowBlocks));
      first = firstOf(arith::DivUIOp::create(b, loc, item, rowBlocks));
    } else {
      row = rowOf(arith::DivUIOp::create(b, loc, item, segments));
      first = firstOf(arith::RemUIOp::create(b, loc, item, segments));
    }
    if (lhsFromRing) {
      // The item's slot: the AIVs' row block of A, loaded whole and freed.
      auto view = ascend::GlobalTensorType::get(b.getContext(), {block.m, k}, operandType);
      Value slot = ascend::TPopOp::create(
          b, loc, view, ring, ascend::SlotSplitAttr::get(b.getContext(), ascend::SlotSplit::none));
      task.load(panel, TaskGlobal{slot, {zero, zero}, 0, MatrixShape{block.m, k}}, zero, zero);
      ascend::TFreeOp::create(b, loc, ring);
    } else if (block.panel) {
      task.load(panel, a, row, zero, /*tokenRow=*/row);
    }
    segmentFrom(0, row, first, segmentCols);
  });
  return dist.items();
}

LogicalResult tilec::conversion::lowerMatmul(Location loc, const GmLocation &lhs,
                                             ArrayRef<MatmulPart> parts,
                                             ascend::BlockingAttr blocking, bool transposeB,
                                             TaskContext &context) {
  TaskBuilder task(loc.getContext(), loc, ascend::CoreType::aic);
  FailureOr<int64_t> items =
      buildMatmul(task, loc, lhs, parts, Value(), blocking, transposeB, context);
  if (failed(items))
    return failure();
  ascend::TaskOp built = task.finish(context.module, context.name, context.host,
                                     std::min<int64_t>(*items, context.target.cubeCores));
  // What the task was built for, as a fused task keeps its chunking (reports).
  ascend::AscendDialect::StrategyAttrHelper(loc.getContext()).setAttr(built, blocking);
  return success();
}
