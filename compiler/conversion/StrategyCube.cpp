//===- StrategyCube.cpp - the blocking of a matmul ------------------------===//
//
// The blocking (bm, bn, bk, the L1 chunk depth and buffers, the A panel, the
// accumulators, the work item length; CubeTasks.cpp describes the task) is
// the one with the lowest estimate from the target description: per block
// the busiest pipe (GM → L1 transfers, with the time they idle while the
// cube waits for the store of one accumulator; L1 → L0 moves, cube steps,
// the fixpipe store when it cannot overlap), times the blocks of the busiest
// core, plus filling the pipeline; and never less than the task's GM bytes at
// the chip's bandwidth (as the cycle model ends a launch), which charges the
// A and B re-reads smaller blocks cause: at the HBM's rate, or at the L2's
// (each byte crossing HBM once) when A, B and C fit the L2 together or the
// operand the items come back to stays there between its reads: B when the
// items go row block by row block, A when they go column by column
// (`stream_weights`, which weights beyond the L2 need).
// Ties go to fewer GM bytes, then to
// the faster busiest core.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/CubeBlocking.h"
#include "compiler/conversion/Strategy.h"
#include "dialects/Tile/ElementTypes.h"

#include <numeric>
#include <tuple>

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;
using ascend::MemorySpace;

namespace {

/// Bytes memory planning reserves for a rows × cols tile, aligned as the
/// target places buffers.
int64_t tileBytes(int64_t rows, int64_t cols, Type element, MemorySpace space,
                  const target::TargetDescription &target) {
  int64_t bytes =
      ascend::TileBufferType::get(element.getContext(), {rows, cols}, element, space)
          .getNumBytes();
  return int64_t(llvm::alignTo(bytes, target.alignment));
}

/// The matmul's shape and types and the target it runs on. K splits into
/// whole K0 steps (`blockedK`, which the chunks divide) and a `tail` of less
/// than K0 that the task adds as one step of its own; a K below K0 is one
/// step and no tail.
struct Problem {
  int64_t m, k, n;
  Type operand, acc;
  DType operandType;
  int64_t maxBuffers; ///< L1 chunk buffers a blocking may have (1: one of each buffer)
  const target::TargetDescription &target;
  SmallVector<int64_t, 2> parts; ///< N of each matmul joined in the task (sum n)
  int64_t tail = 0;

  int64_t blockedK() const { return k - tail; }
  /// The N every part's blocks divide.
  int64_t partsN() const {
    int64_t common = 0;
    for (int64_t part : parts)
      common = std::gcd(common, part);
    return common;
  }
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
    // The tail step's single buffers (CubeTasks.cpp).
    auto tailBytes = [&](int64_t rows, int64_t cols, MemorySpace space) {
      return tail ? bytes(rows, cols, operand, space) : 0;
    };
    // L1 holds `buffers` chunks, L0 two steps (one if `buffers` is 1).
    const int64_t l0Buffers = std::min<int64_t>(b.buffers, 2);
    int64_t l1 = b.buffers * bytes(b.chunk, b.n, operand, MemorySpace::l1) +
                 (b.panel ? bytes(b.m, k, operand, MemorySpace::l1)
                          : b.buffers * bytes(b.m, b.chunk, operand, MemorySpace::l1)) +
                 (b.panel ? 0 : tailBytes(b.m, tail, MemorySpace::l1)) +
                 tailBytes(tail, b.n, MemorySpace::l1);
    return l1 <= capacity(target::MemSpace::L1) &&
           l0Buffers * bytes(b.m, b.k, operand, MemorySpace::l0a) +
                   tailBytes(b.m, tail, MemorySpace::l0a) <=
               capacity(target::MemSpace::L0A) &&
           l0Buffers * bytes(b.k, b.n, operand, MemorySpace::l0b) +
                   tailBytes(tail, b.n, MemorySpace::l0b) <=
               capacity(target::MemSpace::L0B) &&
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

/// MTE2's idle time per block while M waits for the store of the previous
/// block, with one accumulator: from the end of a block's last load, MTE2
/// fills the L1 stages with the next block's chunks, and the first of them
/// frees its stage only after the last chunk's steps, the store, and the
/// first chunk's steps but the two that L0 holds ahead. More stages of
/// smaller chunks cover the store; two of a few deep chunks leave MTE2 idle.
double storeStall(const Blocking &b, int64_t chunks, int64_t steps, double mte2, double mte1,
                  double cube, double fix) {
  if (b.accumulators > 1)
    return 0;
  const int64_t stepsPerChunk = b.chunk / b.k;
  const double step = cube / double(steps), move = mte1 / double(steps);
  const double freed = move + double(stepsPerChunk) * step + fix +
                       double(std::max<int64_t>(stepsPerChunk - 2, 0)) * step + move;
  return std::max(0.0, freed - double(b.buffers) * mte2 / double(chunks));
}

/// Whether the operand the items come back to stays in the L2 from one read
/// to the next: row by row B, between whose reads of a column the cores read
/// the rest of B and A's rows and write C's of the row blocks in between;
/// column by column (streaming the weights) A, between whose reads of a row
/// block the cores read the rest of A and B's columns and write C's of the
/// segments in between. A round of items spans up to this many but one.
bool reReadsStayInL2(const Problem &p, const Blocking &b, const Distribution &d) {
  const uint64_t e = uint64_t(p.operandBytes()), acc = uint64_t(p.accBytes());
  const int64_t cores = p.target.cubeCores;
  uint64_t resident, between;
  if (b.streamWeights) {
    resident = uint64_t(p.m * p.k) * e;
    between = uint64_t(llvm::divideCeil(cores, d.rowBlocks) + 1) *
              uint64_t(b.length * b.n) * (uint64_t(p.k) * e + uint64_t(p.m) * acc);
  } else {
    resident = uint64_t(p.k * p.n) * e;
    between = uint64_t(llvm::divideCeil(cores, d.perRow) + 1) * uint64_t(b.m) *
              (uint64_t(p.k) * e + uint64_t(p.n) * acc);
  }
  return resident + between <= p.target.l2Bytes;
}

Estimate estimate(const Problem &p, const Blocking &b) {
  using target::Path;
  const target::TargetDescription &t = p.target;
  DType operand = p.operandType;
  int64_t e = p.operandBytes();
  // The tail counts as one more step (its few GM bytes are left out).
  int64_t chunks = p.blockedK() / b.chunk, steps = p.blockedK() / b.k + (p.tail ? 1 : 0);
  auto transfer = [&](Path path, int64_t bytes) { return t.transferCycles(path, uint64_t(bytes)); };
  // One block's work per pipe.
  int64_t aChunkBytes = b.panel ? 0 : b.m * b.chunk * e, bChunkBytes = b.chunk * b.n * e;
  double mte2 = double(chunks) * ((b.panel ? 0 : transfer(Path::GmToL1, aChunkBytes)) +
                                  transfer(Path::GmToL1, bChunkBytes));
  double mte1 = double(steps) * (transfer(Path::L1ToL0a, b.m * b.k * e) +
                                 transfer(Path::L1ToL0b, b.k * b.n * e));
  double cube = double(steps) * t.matmulCycles(operand, int(b.m), int(b.k), int(b.n));
  double fix = transfer(Path::L0cToGm, b.m * b.n * p.accBytes());
  // Double buffers overlap the pipes; single ones take them in turn.
  double perBlock = b.buffers > 1
                        ? std::max({mte2 + storeStall(b, chunks, steps, mte2, mte1, cube, fix),
                                    mte1, b.accumulators > 1 ? cube : cube + fix, fix})
                        : b.accumulators > 1 ? std::max(mte2 + mte1 + cube, fix)
                                             : mte2 + mte1 + cube + fix;
  // The first chunk, step and store are not overlapped.
  double fill = mte2 / double(chunks) + (mte1 + cube) / double(steps) + fix;
  double panel = b.panel ? transfer(Path::GmToL1, b.m * p.k * e) : 0;

  Distribution d(p.m, p.parts, b);
  int64_t itemsPerCore = llvm::divideCeil(d.items(), int64_t(t.cubeCores));
  double core = double(itemsPerCore) * (panel + double(b.length) * perBlock) + fill;

  int64_t blocks = d.rowBlocks * d.colBlocks;
  uint64_t bytes = uint64_t(d.items()) * uint64_t(b.panel ? b.m * p.k * e : 0) +
                   uint64_t(blocks) * uint64_t(chunks * (aChunkBytes + bChunkBytes) +
                                               b.m * b.n * p.accBytes());
  constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
  auto atHbm = [&](uint64_t moved) {
    return double(moved) / (t.hbmPeakGiBps * kGiB) * t.clockGHz * 1e9;
  };
  double chip = atHbm(bytes);
  // Operands and product that fit the L2 together cross HBM once: the L2
  // serves the re-reads, at its own rate. So do those of an operand that
  // stays in the L2 between its reads.
  uint64_t once = uint64_t(p.m * p.k + p.k * p.n) * uint64_t(e) +
                  uint64_t(p.m * p.n) * uint64_t(p.accBytes());
  if (once <= t.l2Bytes || reReadsStayInL2(p, b, d))
    chip = std::max(atHbm(once), double(bytes) / (t.l2ReadBytesPerCycle * t.clusters));
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

/// Work item lengths in N blocks, one per number of items per row: first from
/// the one that gives every cube core an item (if there are enough blocks) up
/// to a whole row of blocks, then the shorter ones. Longer items load A's
/// panel fewer times but may leave cores idle; shorter ones also balance the
/// cores when the row blocks do not divide among them (32 whole rows on 24
/// cores take two rounds, the second a third full).
SmallVector<int64_t> segmentLengths(int64_t rowBlocks, int64_t colBlocks, int64_t cores) {
  int64_t perRow = std::min<int64_t>(colBlocks, llvm::divideCeil(cores, rowBlocks));
  SmallVector<int64_t> lengths;
  auto add = [&](int64_t items) {
    int64_t length = llvm::divideCeil(colBlocks, items);
    if (!llvm::is_contained(lengths, length))
      lengths.push_back(length);
  };
  for (int64_t items = perRow; items >= 1; --items)
    add(items);
  for (int64_t items = perRow + 1; items <= colBlocks; ++items)
    add(items);
  return lengths;
}

/// The blocking with the lowest estimate among output blocks of at most the
/// target's cube block rows and columns (whole fractals where the dimension
/// allows), the deepest K step whose L0A and L0B buffers (two of each, or
/// one) fit, L1 chunks of 1, 2 or 4 steps in 2 to `maxBuffers` buffers (or
/// one), with or without the A panel, one or two accumulators, and the work
/// item lengths above, their items row block by row block and, if B is
/// larger than the L2 and M more than one block, column by column too. With
/// `runtimeRows` M is a run-time dim's bound, and a second blocking is the
/// best on one row block of the largest size: work items as long as a whole
/// row of blocks keep the cores busy at the bound but leave all but one idle
/// on a few tokens, and blocks small enough for a few tokens re-read the
/// operands too often at the bound. The host takes the second up to the
/// largest row count, in powers of two from one row block, at which it is
/// estimated faster. Row blocks are a multiple of `needs.rowMultiple`; when
/// none is, failure without a diagnostic. With `needs.itemCols`, N blocks
/// divide it (or, with `needs.itemIsOneBlock`, are it) and a work item is
/// all of them; with `needs.panel`, A's panel stays in L1.
FailureOr<CubeBlockings> bestBlockings(Location loc, Problem &p, bool runtimeRows,
                                       const BlockingNeeds &needs) {
  const target::CubeRate *rate = p.target.cubeRate(p.operandType);
  if (!rate)
    return emitError(loc) << "the target has no cube path for " << p.operand;
  // Steps of whole K0-deep fractals keep the cube's summation order; what is
  // left of K after them is the tail step, and a K below K0 is one step.
  p.tail = p.k > rate->k0 ? p.k % rate->k0 : 0;
  int64_t depth = p.k < rate->k0 ? p.k : rate->k0;
  // A problem of `rows` of the bound's, in whole blocks of `bm`.
  auto withRows = [&](int64_t rows, int64_t bm) {
    Problem fewer = p;
    fewer.m = llvm::alignTo(rows, bm);
    return fewer;
  };
  const int64_t fewRows = std::min(p.m, p.target.cubeBlockMaxRows);
  struct Candidate {
    Blocking blocking;
    Estimate atBound, onFewRows;
  };
  SmallVector<Candidate> candidates;
  // B's tiles pad N to 32 bytes (L1, L0B), the accumulator to N0, and
  // pto-isa's TMATMUL needs Right and Acc of equal columns: an N block is
  // whole in both (i8: 32 columns, not N0's 16).
  const int64_t nGranule =
      std::max<int64_t>(rate->n0, 32 / int64_t(sizeOf(rate->operand)));
  // A paired ring's items are the slots, in their own order.
  const bool weightsBeyondL2 =
      uint64_t(p.k * p.n * p.operandBytes()) > p.target.l2Bytes && !needs.itemCols;
  for (int64_t bm : blockSizes(p.m, p.target.cubeBlockMaxRows, rate->m0)) {
    if (bm % needs.rowMultiple != 0)
      continue;
    const bool streamable = weightsBeyondL2 && p.m / bm > 1;
    const int64_t widest = needs.itemIsOneBlock
                               ? std::max<int64_t>(p.target.cubeBlockMaxCols, needs.itemCols)
                               : p.target.cubeBlockMaxCols;
    for (int64_t bn : blockSizes(p.partsN(), widest, nGranule)) {
      if (needs.itemCols &&
          (needs.itemIsOneBlock ? bn != needs.itemCols : needs.itemCols % bn != 0))
        continue;
      // The K step: the deepest multiple of `depth` dividing K that fits L0.
      std::optional<int64_t> bk;
      for (int64_t d : divisorsAtMost(p.blockedK() / depth, p.target.matmulMaxDim / depth)) {
        Blocking trial{bm, bn, d * depth, d * depth, false, 1, 1,
                       std::min<int64_t>(p.maxBuffers, 2)};
        if (p.fits(trial)) {
          bk = d * depth;
          break;
        }
      }
      if (!bk)
        continue;
      for (bool panel : {true, false}) {
        if (needs.panel && !panel)
          continue;
        for (int64_t stepsPerChunk : {1, 2, 4}) {
          if (p.blockedK() % (*bk * stepsPerChunk) != 0)
            continue;
          for (int64_t accumulators : {2, 1}) {
            // Fewer L1 stages first: an equal estimate keeps the fewer.
            for (int64_t buffers = std::min<int64_t>(p.maxBuffers, 2); buffers <= p.maxBuffers;
                 ++buffers) {
              Blocking trial{bm,    bn,           *bk, *bk * stepsPerChunk,
                             panel, accumulators, 1,   buffers};
              if (!p.fits(trial))
                continue;
              // Lengths for the bound's row blocks and, with run-time rows, for one.
              Problem few = withRows(fewRows, bm);
              SmallVector<int64_t> lengths =
                  needs.itemCols ? SmallVector<int64_t>{needs.itemCols / bn}
                                 : segmentLengths(p.m / bm, p.n / bn, p.target.cubeCores);
              if (runtimeRows && !needs.itemCols)
                for (int64_t length : segmentLengths(few.m / bm, p.n / bn, p.target.cubeCores))
                  if (!llvm::is_contained(lengths, length))
                    lengths.push_back(length);
              for (int64_t length : lengths) {
                trial.length = length;
                candidates.push_back({trial, estimate(p, trial),
                                      runtimeRows ? estimate(few, trial) : Estimate{}});
                // Weights beyond the L2 cross HBM once per row block, unless
                // the items go column by column (a tie keeps the rows).
                if (streamable) {
                  Blocking streamed = trial;
                  streamed.streamWeights = true;
                  candidates.push_back({streamed, estimate(p, streamed),
                                        runtimeRows ? estimate(few, streamed) : Estimate{}});
                }
              }
            }
          }
        }
      }
    }
  }
  // Row blocks of a multiple, joined matmuls and items of given columns are
  // the caller's option, not the matmul's need.
  if (candidates.empty() && (needs.rowMultiple > 1 || p.parts.size() > 1 || needs.itemCols))
    return failure();
  if (candidates.empty())
    return emitError(loc) << "no blocking of the " << p.m << " × " << p.k << " × " << p.n
                          << " matmul fits L0A, L0B, L0C and L1";
  // At the bound, equal cycles (both bound by the chip's bandwidth, say) go
  // to the blocking faster on a few rows, then to the usual tie-breaks.
  auto boundKey = [](const Candidate &c) {
    return std::make_tuple(c.atBound.cycles, c.onFewRows.cycles, c.atBound);
  };
  const Candidate *atBound = &candidates.front(), *onFew = &candidates.front();
  for (const Candidate &c : candidates) {
    if (boundKey(c) < boundKey(*atBound))
      atBound = &c;
    if (std::make_pair(c.onFewRows, c.atBound) < std::make_pair(onFew->onFewRows, onFew->atBound))
      onFew = &c;
  }
  MLIRContext *context = loc.getContext();
  CubeBlockings chosen{atBound->blocking.toAttr(context), {}, atBound->atBound.coreCycles,
                       atBound->onFewRows.coreCycles};
  if (!runtimeRows || onFew == atBound)
    return chosen;
  // Up to which row count the few rows' blocking is the faster.
  int64_t fewRowsLimit = 0;
  for (int64_t rows = fewRows; rows < p.m; rows *= 2) {
    Estimate few = estimate(withRows(rows, onFew->blocking.m), onFew->blocking),
             bound = estimate(withRows(rows, atBound->blocking.m), atBound->blocking);
    // Both bound by the chip's bandwidth, the busier core decides: beyond
    // the L2's capacity the estimate charges re-reads at HBM's rate, which
    // the L2 still partly serves.
    bool chipBound = few.cycles > few.coreCycles && bound.cycles > bound.coreCycles;
    if (chipBound ? few.coreCycles >= bound.coreCycles : few.cycles >= bound.cycles)
      break;
    fewRowsLimit = rows;
  }
  if (fewRowsLimit) {
    chosen.fewRows =
        ascend::FewRowsAttr::get(context, fewRowsLimit, onFew->blocking.toAttr(context));
    chosen.fewRowsCoreCycles = onFew->onFewRows.coreCycles;
  }
  return chosen;
}

} // namespace

FailureOr<CubeBlockings>
tilec::conversion::chooseBlocking(Location loc, MatrixShape lhs, MatrixShape rhs, Type operand,
                                  Type acc, int64_t buffers, bool runtimeRows,
                                  const target::TargetDescription &target,
                                  const BlockingNeeds &needs) {
  std::optional<DType> operandDType = dtypeOf(operand);
  if (!operandDType)
    return emitError(loc) << "no cube operand type " << operand;
  Problem problem{lhs.rows, lhs.cols, rhs.cols, operand, acc, *operandDType, buffers, target,
                  needs.parts.empty() ? SmallVector<int64_t, 2>{rhs.cols}
                                      : SmallVector<int64_t, 2>(needs.parts)};
  return bestBlockings(loc, problem, runtimeRows, needs);
}
