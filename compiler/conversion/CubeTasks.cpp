//===- CubeTasks.cpp - matmul as an AIC task over L1/L0 blocks ------------===//
//
// C[M, N] = A[M, K] × B[K, N] in output blocks of bm × bn. A work item is a
// segment of consecutive N blocks of one row block; the items go round the
// cube cores block-cyclically. Each block walks K in chunks staged in L1
// (TLOAD) and, within a chunk, in steps of bk moved to L0A/L0B (TMOV, or
// TEXTRACT of the step's window) and multiplied into L0C (TMATMUL, then
// TMATMUL_ACC); the finished block goes L0C → GM through the fixpipe (TSTORE).
// K is never split across cores, so every output sums its products in the
// same order whatever the blocking (bk is a multiple of the cube's K0).
//
// Everything is double-buffered: L1 chunks alternate between two buffers,
// L0 steps between two pairs of L0A/L0B buffers, and, when two fit L0C,
// consecutive blocks between two accumulators. The loops are unrolled by two
// so that each copy names its own buffers (allocated in stages 0 and 1, which
// never share bytes); ascend-insert-sync's loop-carried flags then let MTE2
// load one chunk while MTE1 and M work on the previous one and the fixpipe
// stores one block while M computes the next.
//
// A's [bm, K] row panel stays in L1 for a whole work item when it fits beside
// the two B chunks (each step takes its L0A window from it); otherwise A is
// staged chunk by chunk with B. The blocking (bm, bn, bk, the chunk depth,
// the panel, the accumulators, the segment length) is the one with the
// lowest estimate from the target description:
// per block the busiest pipe (GM → L1 transfers, L1 → L0 moves, cube steps,
// the fixpipe store when it cannot overlap), times the blocks of the busiest
// core, plus filling the pipeline; and never less than the task's GM bytes at
// the chip's bandwidth (as the cycle model ends a launch), which charges the
// A and B re-reads smaller blocks cause. Ties go to fewer GM bytes, then to
// the faster busiest core.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/TaskBuilder.h"
#include "compiler/conversion/TaskLowering.h"
#include "compiler/transforms/CastChain.h"
#include "dialects/Tile/ElementTypes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/Support/MathExtras.h"

#include <tuple>

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;
using ascend::MemorySpace;

namespace {

struct Blocking {
  int64_t m, n, k; ///< output block and L0 K step
  int64_t chunk;   ///< K depth of an L1 chunk of B (and of A unless `panel`)
  bool panel;      ///< A's [m, K] row panel stays in L1 for a whole work item
  int64_t accumulators; ///< 2: consecutive blocks alternate L0C buffers
  int64_t length = 1;   ///< N blocks per work item (the last of a row may be shorter)
};

/// How the output blocks spread over the cube cores: work items of
/// `block.length` consecutive N blocks of one row block, block-cyclically.
struct Distribution {
  int64_t rowBlocks, colBlocks;
  int64_t perRow; ///< work items per row block
  int64_t items() const { return rowBlocks * perRow; }

  Distribution(int64_t m, int64_t n, const Blocking &block)
      : rowBlocks(m / block.m), colBlocks(n / block.n),
        perRow(llvm::divideCeil(colBlocks, block.length)) {}
};

/// Bytes memory planning reserves for a rows × cols tile, aligned as the
/// target places buffers.
int64_t tileBytes(int64_t rows, int64_t cols, Type element, MemorySpace space,
                  const target::TargetDescription &target) {
  int64_t bytes =
      ascend::TileBufferType::get(element.getContext(), {rows, cols}, element, space)
          .getNumBytes();
  return int64_t(llvm::alignTo(bytes, target.alignment));
}

/// The matmul's shape and types and the target it runs on.
struct Problem {
  int64_t m, k, n;
  Type operand, acc;
  DType operandType;
  const target::TargetDescription &target;

  int64_t operandBytes() const { return operand.getIntOrFloatBitWidth() / 8; }
  int64_t accBytes() const { return acc.getIntOrFloatBitWidth() / 8; }
  int64_t capacity(target::MemSpace space) const {
    return int64_t(target.capacityOf(space));
  }
  /// Whether the blocking's buffers fit the on-chip memories.
  bool fits(const Blocking &b) const {
    auto bytes = [&](int64_t rows, int64_t cols, Type element, MemorySpace space) {
      return tileBytes(rows, cols, element, space, target);
    };
    int64_t l1 = 2 * bytes(b.chunk, b.n, operand, MemorySpace::l1) +
                 (b.panel ? bytes(b.m, k, operand, MemorySpace::l1)
                          : 2 * bytes(b.m, b.chunk, operand, MemorySpace::l1));
    return l1 <= capacity(target::MemSpace::L1) &&
           2 * bytes(b.m, b.k, operand, MemorySpace::l0a) <= capacity(target::MemSpace::L0A) &&
           2 * bytes(b.k, b.n, operand, MemorySpace::l0b) <= capacity(target::MemSpace::L0B) &&
           b.accumulators * bytes(b.m, b.n, acc, MemorySpace::l0c) <=
               capacity(target::MemSpace::L0C);
  }
};

/// Modelled cost of a blocking: cycles of the busiest core or, if longer, of
/// the task's GM bytes at the chip's bandwidth, which the cores share (so the
/// re-reads of A and B that smaller blocks cause count). Equal costs go to
/// fewer GM bytes, then to the faster busiest core.
struct Estimate {
  double cycles;
  uint64_t gmBytes;
  double coreCycles;
  bool operator<(const Estimate &other) const {
    return std::tie(cycles, gmBytes, coreCycles) <
           std::tie(other.cycles, other.gmBytes, other.coreCycles);
  }
};

Estimate estimate(const Problem &p, const Blocking &b) {
  using target::Path;
  const target::TargetDescription &t = p.target;
  DType operand = p.operandType;
  int64_t e = p.operandBytes();
  int64_t chunks = p.k / b.chunk, steps = p.k / b.k;
  auto transfer = [&](Path path, int64_t bytes) { return t.transferCycles(path, uint64_t(bytes)); };
  // One block's work per pipe.
  int64_t aChunkBytes = b.panel ? 0 : b.m * b.chunk * e, bChunkBytes = b.chunk * b.n * e;
  double mte2 = double(chunks) * ((b.panel ? 0 : transfer(Path::GmToL1, aChunkBytes)) +
                                  transfer(Path::GmToL1, bChunkBytes));
  double mte1 = double(steps) * (transfer(Path::L1ToL0a, b.m * b.k * e) +
                                 transfer(Path::L1ToL0b, b.k * b.n * e));
  double cube = double(steps) * t.matmulCycles(operand, int(b.m), int(b.k), int(b.n));
  double fix = transfer(Path::L0cToGm, b.m * b.n * p.accBytes());
  double perBlock = std::max({mte2, mte1, b.accumulators > 1 ? cube : cube + fix, fix});
  // The first chunk, step and store are not overlapped.
  double fill = mte2 / double(chunks) + (mte1 + cube) / double(steps) + fix;
  double panel = b.panel ? transfer(Path::GmToL1, b.m * p.k * e) : 0;

  Distribution d(p.m, p.n, b);
  int64_t itemsPerCore = llvm::divideCeil(d.items(), int64_t(t.cubeCores));
  double core = double(itemsPerCore) * (panel + double(b.length) * perBlock) + fill;

  int64_t blocks = d.rowBlocks * d.colBlocks;
  uint64_t bytes = uint64_t(d.items()) * uint64_t(b.panel ? b.m * p.k * e : 0) +
                   uint64_t(blocks) * uint64_t(chunks * (aChunkBytes + bChunkBytes) +
                                               b.m * b.n * p.accBytes());
  constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
  double chip = double(bytes) / (t.chipGmGiBps * kGiB) * t.clockGHz * 1e9;
  return {std::max(core, chip), bytes, core};
}

/// Divisors of `n` that are at most `limit`, largest first.
SmallVector<int64_t> divisorsAtMost(int64_t n, int64_t limit) {
  SmallVector<int64_t> divisors;
  for (int64_t d = std::min(n, limit); d >= 1; --d)
    if (n % d == 0)
      divisors.push_back(d);
  return divisors;
}

/// Block sizes for a dimension of `n`: its divisors of at most `limit` that
/// are whole fractals of `fractal`, or the largest divisor if none is.
SmallVector<int64_t> blockSizes(int64_t n, int64_t limit, int64_t fractal) {
  SmallVector<int64_t> all = divisorsAtMost(n, limit), whole;
  for (int64_t d : all)
    if (d % fractal == 0)
      whole.push_back(d);
  if (whole.empty())
    whole.push_back(all.front());
  return whole;
}

/// Work item lengths in N blocks, shortest first: from the one that gives
/// every cube core an item (if there are enough blocks) up to a whole row of
/// blocks, one per number of items per row. Longer items load A's panel
/// fewer times but may leave cores idle.
SmallVector<int64_t> segmentLengths(int64_t rowBlocks, int64_t colBlocks, int64_t cores) {
  int64_t perRow = std::min<int64_t>(colBlocks, llvm::divideCeil(cores, rowBlocks));
  SmallVector<int64_t> lengths;
  for (; perRow >= 1; --perRow) {
    int64_t length = llvm::divideCeil(colBlocks, perRow);
    if (lengths.empty() || lengths.back() != length)
      lengths.push_back(length);
  }
  return lengths;
}

/// The blocking with the lowest estimate among output blocks of at most 128
/// rows and 256 columns (whole fractals where the dimension allows), the
/// deepest K step whose two L0A and two L0B buffers fit, L1 chunks of 1, 2
/// or 4 steps, with or without the A panel, one or two accumulators, and the
/// work item lengths above.
FailureOr<Blocking> chooseBlocking(Location loc, const Problem &p) {
  const target::CubeRate *rate = p.target.cubeRate(p.operandType);
  if (!rate)
    return emitError(loc) << "the target has no cube path for " << p.operand;
  // Steps of whole K0-deep fractals keep the cube's summation order; a K that
  // is not a multiple of K0 is one step.
  int64_t depth = p.k % rate->k0 == 0 ? rate->k0 : p.k;
  std::optional<Blocking> best;
  Estimate bestEstimate{0, 0, 0};
  for (int64_t bm : blockSizes(p.m, 128, rate->m0)) {
    for (int64_t bn : blockSizes(p.n, 256, rate->n0)) {
      // The K step: the deepest multiple of `depth` dividing K that fits L0.
      std::optional<int64_t> bk;
      for (int64_t d : divisorsAtMost(p.k / depth, p.target.matmulMaxDim / depth)) {
        Blocking trial{bm, bn, d * depth, d * depth, false, 1};
        if (p.fits(trial)) {
          bk = d * depth;
          break;
        }
      }
      if (!bk)
        continue;
      for (bool panel : {true, false}) {
        for (int64_t stepsPerChunk : {1, 2, 4}) {
          if (p.k % (*bk * stepsPerChunk) != 0)
            continue;
          for (int64_t accumulators : {2, 1}) {
            Blocking trial{bm, bn, *bk, *bk * stepsPerChunk, panel, accumulators};
            if (!p.fits(trial))
              continue;
            for (int64_t length : segmentLengths(p.m / bm, p.n / bn, p.target.cubeCores)) {
              trial.length = length;
              Estimate cost = estimate(p, trial);
              if (!best || cost < bestEstimate) {
                best = trial;
                bestEstimate = cost;
              }
            }
          }
        }
      }
    }
  }
  if (!best) {
    InFlightDiagnostic diag = emitError(loc)
                              << "no blocking of the " << p.m << " × " << p.k << " × " << p.n
                              << " matmul fits L0A, L0B, L0C and L1";
    if (depth == p.k && p.k > rate->k0)
      diag << "; K is not a multiple of the cube's K0 = " << rate->k0
           << ", so all of it is one step; use a K that is a multiple of " << rate->k0;
    return diag;
  }
  return *best;
}

/// Emits `body(offset)` for offset = from, from + step, … below `to`: inline
/// when `count` (the number of iterations, if known) is 0 or 1, else a loop.
void forRange(OpBuilder &b, Location loc, Value from, Value to, Value step,
              std::optional<int64_t> count, function_ref<void(Value)> body) {
  if (count && *count == 0)
    return;
  if (count && *count == 1)
    return body(from);
  auto loop = scf::ForOp::create(b, loc, from, to, step);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(loop.getBody()->getTerminator());
  body(loop.getInductionVar());
}

} // namespace

LogicalResult tilec::conversion::lowerMatmul(Location loc, const GmLocation &lhs,
                                             const GmLocation &rhs, const GmLocation &result,
                                             TaskContext &context) {
  Type operandType = lhs.getBufferType().getElementType();
  std::optional<DType> operandDType = dtypeOf(operandType);
  if (!operandDType)
    return emitError(loc) << "no cube operand type " << operandType;
  Problem problem{lhs.shape.rows, lhs.shape.cols, rhs.shape.cols, operandType,
                  result.getBufferType().getElementType(), *operandDType, context.target};
  FailureOr<Blocking> blocking = chooseBlocking(loc, problem);
  if (failed(blocking))
    return failure();
  const Blocking block = *blocking;
  const int64_t k = problem.k, n = problem.n;
  const Distribution dist(problem.m, n, block);
  const int64_t chunks = k / block.chunk, stepsPerChunk = block.chunk / block.k;

  TaskBuilder task(loc.getContext(), loc, ascend::CoreType::aic);
  OpBuilder &b = task.builder();
  TaskGlobal a = task.addGlobal(lhs), bMatrix = task.addGlobal(rhs), c = task.addGlobal(result);
  Value panel = block.panel ? task.allocTile(block.m, k, operandType, MemorySpace::l1) : Value();
  // Two of each buffer, in stages 0 and 1, allocated when first used.
  Value aL1s[2], bL1s[2], aL0s[2], bL0s[2], accs[2];
  auto buffer = [&](Value (&buffers)[2], int64_t stage, int64_t rows, int64_t cols, Type type,
                    MemorySpace space) {
    if (!buffers[stage]) {
      task.setStage(stage);
      buffers[stage] = task.allocTile(rows, cols, type, space);
      task.setStage(std::nullopt);
    }
    return buffers[stage];
  };
  auto aL1 = [&](int64_t s) {
    return buffer(aL1s, s, block.m, block.chunk, operandType, MemorySpace::l1);
  };
  auto bL1 = [&](int64_t s) {
    return buffer(bL1s, s, block.chunk, block.n, operandType, MemorySpace::l1);
  };
  auto aL0 = [&](int64_t s) {
    return buffer(aL0s, s, block.m, block.k, operandType, MemorySpace::l0a);
  };
  auto bL0 = [&](int64_t s) {
    return buffer(bL0s, s, block.k, block.n, operandType, MemorySpace::l0b);
  };
  auto acc = [&](int64_t s) {
    return buffer(accs, s, block.m, block.n, problem.acc, MemorySpace::l0c);
  };
  Value zero = task.constantIndex(0);

  // One L1 chunk at K offset `kOffset` in the buffers of `stage`: the loads,
  // then its steps, whose L0 buffers alternate with every step of the block.
  auto chunkAt = [&](Value row, Value col, Value acc, Value kOffset, int64_t stage,
                     bool first) {
    if (!block.panel)
      task.load(aL1(stage), a, row, kOffset);
    task.load(bL1(stage), bMatrix, kOffset, col);
    for (int64_t step = 0; step < stepsPerChunk; ++step) {
      int64_t l0 = (stage * stepsPerChunk + step) % 2;
      Value within = task.constantIndex(step * block.k);
      if (block.panel)
        ascend::TExtractOp::create(b, loc, aL0(l0), panel, zero,
                                   arith::AddIOp::create(b, loc, kOffset, within));
      else if (stepsPerChunk == 1)
        ascend::TMovOp::create(b, loc, aL0(l0), aL1(stage));
      else
        ascend::TExtractOp::create(b, loc, aL0(l0), aL1(stage), zero, within);
      if (stepsPerChunk == 1)
        ascend::TMovOp::create(b, loc, bL0(l0), bL1(stage));
      else
        ascend::TExtractOp::create(b, loc, bL0(l0), bL1(stage), within, zero);
      if (first && step == 0)
        ascend::TMatmulOp::create(b, loc, acc, aL0(l0), bL0(l0));
      else
        ascend::TMatmulAccOp::create(b, loc, acc, acc, aL0(l0), bL0(l0));
    }
  };

  // One output block whose chunk 0 uses the buffers of `stage`: chunk 0,
  // then pairs of chunks (the other buffers, then these), then the last chunk
  // if one is left (the other buffers); then the store.
  auto outputBlock = [&](Value row, Value col, Value acc, int64_t stage) {
    chunkAt(row, col, acc, zero, stage, /*first=*/true);
    int64_t pairs = (chunks - 1) / 2;
    Value pairStep = task.constantIndex(2 * block.chunk);
    Value pairsEnd = task.constantIndex(block.chunk + pairs * 2 * block.chunk);
    forRange(b, loc, task.constantIndex(block.chunk), pairsEnd, pairStep, pairs, [&](Value kc) {
      chunkAt(row, col, acc, kc, 1 - stage, false);
      chunkAt(row, col, acc, arith::AddIOp::create(b, loc, kc, task.constantIndex(block.chunk)),
              stage, false);
    });
    if ((chunks - 1) % 2 == 1)
      chunkAt(row, col, acc, task.constantIndex(k - block.chunk), 1 - stage, false);
    task.store(c, row, col, acc);
  };

  task.forEachWorkItem(dist.items(), [&](Value item) {
    Value segments = task.constantIndex(dist.perRow);
    Value segmentCols = task.constantIndex(block.length * block.n);
    Value row = arith::MulIOp::create(b, loc, arith::DivUIOp::create(b, loc, item, segments),
                                      task.constantIndex(block.m));
    Value first = arith::MulIOp::create(b, loc, arith::RemUIOp::create(b, loc, item, segments),
                                        segmentCols);
    if (block.panel)
      task.load(panel, a, row, zero);
    if (block.length == 1)
      return outputBlock(row, first, acc(0), 0);
    // Blocks first, first + bn, … below last; the last segment of a row may
    // be shorter, so its bounds are computed. Pairs of blocks, the second on
    // the other accumulator (if there are two) and starting on the L1 and L0
    // buffers after the first's last, then a last block like the first.
    bool even = dist.colBlocks % block.length == 0;
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
               outputBlock(row, col, acc(0), 0);
               outputBlock(row, arith::AddIOp::create(b, loc, col, blockStep),
                           acc(block.accumulators - 1), chunks % 2);
             });
    forRange(b, loc, pairsEnd, last, blockStep,
             even ? std::optional<int64_t>(block.length % 2) : std::nullopt,
             [&](Value col) { outputBlock(row, col, acc(0), 0); });
  });
  task.finish(context.module, context.name, context.host,
              std::min<int64_t>(dist.items(), context.target.cubeCores));
  return success();
}
