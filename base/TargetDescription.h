// The one description of an AI Core generation (a2a3, a5): buffer capacities
// and alignment, core counts, clock, cube and vector throughput, transfer
// rates per data path, sync resources and the legal TCVT pairs. The compiler
// (memory planning, verifiers) and the CPU model (checks, cycle model) read
// only this; no pass or runtime file hard-codes a capacity or a rate.
//
// Figures come from /work/shared/ISA-NOTES.md; values marked "assumed" have
// no published source and are documented in docs/runtime-isa.md.
#pragma once

#include "base/DType.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tilec::target {

/// Hardware pipes of one AI Core; each runs its instructions in order and
/// concurrently with the others.
enum class Pipe : uint8_t { S, V, M, MTE1, MTE2, MTE3, FIX };
inline constexpr int kNumPipes = 7;
constexpr std::string_view name(Pipe p) {
  constexpr std::string_view names[] = {"S",    "V",    "M",  "MTE1",
                                        "MTE2", "MTE3", "FIX"};
  return names[int(p)];
}

/// Memories an instruction can touch. GM is off-core; the rest are per core.
enum class MemSpace : uint8_t { GM, UB, L1, L0A, L0B, L0C, Bias, FixBuf };
inline constexpr int kNumMemSpaces = 8;
constexpr std::string_view name(MemSpace m) {
  constexpr std::string_view names[] = {"GM",  "UB",  "L1",   "L0A",
                                        "L0B", "L0C", "BIAS", "FIXBUF"};
  return names[int(m)];
}

/// Data paths with their own transfer rate.
enum class Path : uint8_t {
  GmToUb,  ///< TLOAD into a Vec tile (MTE2)
  GmToL1,  ///< TLOAD into a Mat tile (MTE2)
  UbToGm,  ///< TSTORE of a Vec tile (MTE3)
  L0cToGm, ///< TSTORE of an Acc tile (FIX)
  L1ToL0a, ///< TMOV/TEXTRACT Mat -> Left (MTE1)
  L1ToL0b, ///< TMOV/TEXTRACT Mat -> Right (MTE1)
  L0cToL1, ///< TMOV Acc -> Mat (FIX)
  L0cToUb, ///< TMOV Acc -> Vec (FIX), a5 only
  UbToL1,  ///< TMOV Vec -> Mat (MTE3), a5 only
};
inline constexpr int kNumPaths = 9;
constexpr std::string_view name(Path p) {
  constexpr std::string_view names[] = {
      "GM->UB",  "GM->L1",  "UB->GM", "L0C->GM", "L1->L0A",
      "L1->L0B", "L0C->L1", "L0C->UB", "UB->L1"};
  return names[int(p)];
}

struct PathRate {
  bool available = false;
  Pipe pipe = Pipe::MTE2;
  double gibPerSec = 0;     ///< sustained per-core rate for large transfers
  double fixedCycles = 0;   ///< per-instruction setup cost
  bool touchesGm = false;   ///< GM paths follow the small-transfer curve
};

/// Small GM transfers are slower: a fitted curve bw(n) = peak * n / (n + half)
/// reaches half its peak at `halfPeakBytes`. A transfer takes the longer of
/// n / sustained rate and n / bw(n) = (n + half) / peak.
struct SmallTransferCurve {
  double peakGiBps = 0;
  double halfPeakBytes = 0;
};

/// One cube fractal step: m0 x k0 x n0 MACs in `cyclesPerStep` cycles.
struct CubeRate {
  DType operand;
  DType accumulator;
  int m0, k0, n0;
  double cyclesPerStep;
};

/// Classes of vector instructions with the same per-repeat cost.
enum class VecOp : uint8_t {
  Unary,          ///< abs, neg, scalar ops, copies, fills
  Binary,         ///< add, sub, mul, max, min, row/col expand ops
  Transcendental, ///< exp, log, sqrt, rsqrt, recip
  Divide,         ///< div, divs
  Reduce,         ///< row sum / row max (per repeat of the source)
  Convert,        ///< TCVT (repeats counted on the wider type)
  Gather,         ///< mask-pattern gather
};
inline constexpr int kNumVecOps = 7;

struct VectorRate {
  int repeatBytes = 256;     ///< bytes processed by one repeat
  int maxRepeats = 255;      ///< per issued instruction
  double issueCycles = 0;    ///< per issued instruction (assumed)
  std::array<double, kNumVecOps> cyclesPerRepeat{};
};

struct CvtPair {
  DType from, to;
};

struct TargetDescription {
  std::string_view name;

  // Cores: a cluster is one cube core (AIC) and `vectorCoresPerCluster` AIVs.
  int clusters;
  int cubeCores;
  int vectorCores;
  int vectorCoresPerCluster;
  double clockGHz;

  // Per-core on-chip memory (bytes), indexed by MemSpace; GM is 0 (unbounded
  // here: GM extents are per tensor).
  std::array<uint64_t, kNumMemSpaces> capacity;
  uint32_t alignment; ///< every on-chip buffer start and row-major row
  uint64_t gmBytes;
  /// Sustained HBM bandwidth of the whole chip: the model's memory term and
  /// every roofline bound (chipGmMicros).
  double chipGmGiBps;
  /// The HBM's peak. The cube blocking estimate of tile-select-strategy
  /// (compiler/conversion/StrategyCube.cpp) ranks blockings with it; it was
  /// the estimate's figure before the model took the sustained one, and the
  /// emitted C++ stays as it was.
  double hbmPeakGiBps;

  // The L2 cache every GM access goes through (runtime/isa/L2Cache.h models
  // it): a read that hits costs L2 bandwidth, a miss fills a line from HBM, a
  // write allocates a dirty line that reaches HBM when it is evicted.
  uint64_t l2Bytes;            ///< capacity
  uint32_t l2LineBytes;        ///< fill / write-back granularity
  double l2ReadBytesPerCycle;  ///< per cluster
  double l2WriteBytesPerCycle; ///< per cluster

  std::array<PathRate, kNumPaths> paths;
  SmallTransferCurve smallTransfer;

  std::vector<CubeRate> cube;
  double cubeFixedCycles; ///< per TMATMUL issue (assumed)
  int matmulMaxDim;       ///< m, k, n each in [1, matmulMaxDim]

  VectorRate vector;
  bool vectorBf16Arithmetic; ///< a2a3 converts bf16 to f32 first
  bool vectorI32Ordering;    ///< TCMP orders i32 (a2a3 compares i32 only for equality)

  int eventIdsPerPipePair;
  /// Cycles from a cross-core flag's set (ffts_cross_core_sync, when its
  /// pipe has finished) to the waiting core of the cluster seeing it
  /// (wait_flag_dev): the AIC <-> AIV hand-off latency of a mixed launch.
  double crossCoreFlagCycles;
  std::vector<CvtPair> cvtPairs; ///< legal TCVT pairs (identity excluded)

  // Tiling limits of tile-select-strategy (compiler/conversion/Strategy*.cpp).
  // Choices of the compiler rather than published figures ("assumed"):
  /// A vector chunk shrinks to give more vector cores work only while half of
  /// it still moves this many bytes: the small-transfer curve is at about a
  /// fifth of its peak there, and smaller transfers waste GM bandwidth.
  uint64_t minEfficientTransferBytes;
  int64_t vectorChunkMaxCols; ///< columns of one chunk of an elementwise vector op
  int64_t copyChunkMaxCols;   ///< columns of one chunk of a GM → UB → GM copy
  int64_t cubeBlockMaxRows;   ///< rows of one matmul output block (bm)
  int64_t cubeBlockMaxCols;   ///< columns of one matmul output block (bn)

  // Derived queries (inline: generated kernels use them without linking) --
  uint64_t capacityOf(MemSpace m) const { return capacity[int(m)]; }

  bool isLegalCvt(DType from, DType to) const {
    if (from == to)
      return true;
    for (const CvtPair &p : cvtPairs)
      if (p.from == from && p.to == to)
        return true;
    return false;
  }

  /// nullptr when the target has no cube path for this operand type.
  const CubeRate *cubeRate(DType operand) const {
    for (const CubeRate &r : cube)
      if (r.operand == operand)
        return &r;
    return nullptr;
  }

  /// Cycles of one TMATMUL of m x k x n: one step per m0 x k0 x n0 fractal
  /// triple (partial fractals cost a full step) plus the issue cost.
  double matmulCycles(DType operand, int m, int k, int n) const {
    const CubeRate *r = cubeRate(operand);
    if (!r)
      return 0;
    auto steps = [](int x, int f) { return double((x + f - 1) / f); };
    return steps(m, r->m0) * steps(k, r->k0) * steps(n, r->n0) *
               r->cyclesPerStep +
           cubeFixedCycles;
  }

  /// Cycles of `macs` multiply-accumulates of `operand` at the cube's peak:
  /// whole fractal steps with no padding and no issue cost (the work
  /// roofline's cube term).
  double cubeWorkCycles(DType operand, uint64_t macs) const {
    const CubeRate *r = cubeRate(operand);
    if (!r)
      return 0;
    return double(macs) / double(r->m0 * r->k0 * r->n0) * r->cyclesPerStep;
  }

  /// Cycles to move `bytes` on `path`: the slower of the sustained rate and
  /// (for GM paths) the small-transfer curve, plus the setup cost.
  double transferCycles(Path path, uint64_t bytes) const {
    const PathRate &p = paths[int(path)];
    constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
    double seconds = double(bytes) / (p.gibPerSec * kGiB);
    if (p.touchesGm && smallTransfer.peakGiBps > 0) {
      double curve = (double(bytes) + smallTransfer.halfPeakBytes) /
                     (smallTransfer.peakGiBps * kGiB);
      seconds = seconds > curve ? seconds : curve;
    }
    return seconds * clockGHz * 1e9 + p.fixedCycles;
  }

  /// Cycles of one vector instruction sweeping `repeats` repeats; more than
  /// maxRepeats are issued as several instructions.
  double vectorCycles(VecOp op, uint64_t repeats) const {
    uint64_t issues = repeats == 0 ? 1
                                   : (repeats + vector.maxRepeats - 1) /
                                         uint64_t(vector.maxRepeats);
    return double(repeats) * vector.cyclesPerRepeat[int(op)] +
           double(issues) * vector.issueCycles;
  }

  double cyclesToMicros(double cycles) const {
    return cycles / (clockGHz * 1e3);
  }

  /// Microseconds to move `bytes` at the whole chip's GM (HBM) bandwidth.
  double chipGmMicros(uint64_t bytes) const {
    constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
    return double(bytes) / (chipGmGiBps * kGiB) * 1e6;
  }

  /// Microseconds to read / write `bytes` through the L2 with every cluster
  /// at its per-cluster L2 rate.
  double chipL2ReadMicros(uint64_t bytes) const {
    return cyclesToMicros(double(bytes) / (l2ReadBytesPerCycle * clusters));
  }
  double chipL2WriteMicros(uint64_t bytes) const {
    return cyclesToMicros(double(bytes) / (l2WriteBytesPerCycle * clusters));
  }
};

/// "a2a3" or "a5"; nullptr for any other name.
const TargetDescription *lookupTarget(std::string_view name);

/// Names accepted by lookupTarget, for diagnostics and --help.
std::vector<std::string_view> targetNames();

} // namespace tilec::target
