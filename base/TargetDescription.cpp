// The a2a3 and a5 tables. Sources: /work/shared/ISA-NOTES.md (capacities,
// clock, cube and vector rates, transfer rates, TCVT pairs) and the public
// PTO tile ISA pages (the a5 TCVT column). "assumed" marks a figure with no
// published source; docs/runtime-isa.md lists them.
#include "base/TargetDescription.h"

namespace tilec::target {
namespace {

constexpr uint64_t KiB = 1024;
constexpr uint64_t MiB = 1024 * 1024;
constexpr uint64_t GiB = 1024 * MiB;

PathRate gmPath(Pipe pipe, double gibPerSec) {
  return PathRate{true, pipe, gibPerSec, /*fixedCycles=*/0, /*touchesGm=*/true};
}

/// On-chip paths: 16-cycle setup (assumed).
PathRate chipPath(Pipe pipe, double gibPerSec) {
  return PathRate{true, pipe, gibPerSec, /*fixedCycles=*/16, /*touchesGm=*/false};
}

std::array<PathRate, kNumPaths> a2a3Paths() {
  std::array<PathRate, kNumPaths> p{};
  p[int(Path::GmToUb)] = gmPath(Pipe::MTE2, 101);
  p[int(Path::GmToL1)] = gmPath(Pipe::MTE2, 135);
  p[int(Path::UbToGm)] = gmPath(Pipe::MTE3, 188);
  p[int(Path::L0cToGm)] = gmPath(Pipe::FIX, 70);
  p[int(Path::L1ToL0a)] = chipPath(Pipe::MTE1, 441);
  p[int(Path::L1ToL0b)] = chipPath(Pipe::MTE1, 220);
  p[int(Path::L0cToL1)] = chipPath(Pipe::FIX, 70); // assumed = L0C->GM
  return p;
}

VectorRate vectorRate() {
  VectorRate v;
  v.repeatBytes = 256;
  v.maxRepeats = 255;
  v.issueCycles = 8; // assumed
  v.cyclesPerRepeat[int(VecOp::Unary)] = 1;
  v.cyclesPerRepeat[int(VecOp::Binary)] = 2;
  v.cyclesPerRepeat[int(VecOp::Transcendental)] = 4; // assumed
  v.cyclesPerRepeat[int(VecOp::Divide)] = 4;         // assumed
  v.cyclesPerRepeat[int(VecOp::Reduce)] = 2;         // assumed
  v.cyclesPerRepeat[int(VecOp::Convert)] = 1;
  v.cyclesPerRepeat[int(VecOp::Gather)] = 2; // assumed
  return v;
}

std::vector<CubeRate> cubeRates() {
  // One fractal step per cycle; f32 runs at half the bf16 rate (k0 = 8).
  return {{DType::BF16, DType::F32, 16, 16, 16, 1},
          {DType::F16, DType::F32, 16, 16, 16, 1},
          {DType::F32, DType::F32, 16, 8, 16, 1},
          {DType::I8, DType::I32, 16, 32, 16, 1}};
}

std::vector<CvtPair> a2a3CvtPairs() {
  using D = DType;
  return {{D::F32, D::F16},  {D::F32, D::BF16}, {D::F32, D::I16},
          {D::F32, D::I32},  {D::F32, D::I64},  {D::F16, D::F32},
          {D::F16, D::I32},  {D::F16, D::I16},  {D::F16, D::I8},
          {D::F16, D::U8},   {D::BF16, D::F32}, {D::BF16, D::I32},
          {D::I16, D::F16},  {D::I16, D::F32},  {D::I32, D::F32},
          {D::I32, D::I16},  {D::I32, D::I64},  {D::I32, D::F16},
          {D::I64, D::F32},  {D::I64, D::I32},  {D::U8, D::F16},
          {D::I8, D::F16}};
}

std::vector<CvtPair> a5CvtPairs() {
  using D = DType;
  return {{D::F32, D::F16},  {D::F32, D::BF16}, {D::F32, D::I16},
          {D::F32, D::I32},  {D::F32, D::I64},  {D::F16, D::F32},
          {D::F16, D::I32},  {D::F16, D::I16},  {D::F16, D::I8},
          {D::F16, D::U8},   {D::BF16, D::F32}, {D::BF16, D::I32},
          {D::BF16, D::F16}, {D::I16, D::U8},   {D::I16, D::F16},
          {D::I16, D::F32},  {D::I16, D::I32},  {D::I32, D::F32},
          {D::I32, D::I16},  {D::I32, D::I64},  {D::I32, D::U8},
          {D::I64, D::F32},  {D::I64, D::I32},  {D::U8, D::F16},
          {D::I8, D::F16},   {D::I8, D::I16},   {D::I8, D::I32}};
}

TargetDescription makeA2A3() {
  TargetDescription t{};
  t.name = "a2a3";
  t.clusters = 24;
  t.cubeCores = 24;
  t.vectorCores = 48;
  t.vectorCoresPerCluster = 2;
  t.clockGHz = 1.85;
  t.capacity = {0, 192 * KiB, 512 * KiB, 64 * KiB, 64 * KiB, 128 * KiB,
                1 * KiB, 2 * KiB};
  t.alignment = 32;
  t.gmBytes = 64 * GiB;
  // HBM: the sustained figure of CANN's 910B2 platform configuration
  // (Ascend910B2C.ini, [AICoreMemoryRates] ddr_rate = 32 bytes/cycle per AI
  // Core, 24 AI Cores at its cube_freq of 1.8 GHz: 1.38 TB/s) rather than the
  // 1.6 TB/s peak, which the seed library's INT8 weight streaming (about
  // 1.0 TB/s effective) shows is not reached; see docs/performance.md,
  // "Calibration".
  t.chipGmGiBps = 32.0 * 24 * 1.8e9 / GiB;
  t.hbmPeakGiBps = 1490; // 1.6 TB/s
  // CANN's platform configuration of the 910B2 (Ascend910B2C.ini, [SoCInfo]
  // l2_size, [AICoreMemoryRates] l2_read_rate / l2_write_rate): 192 MiB, 110
  // and 86 bytes/cycle per AI Core (the 910B4 has 96 MiB). The 512-byte line
  // is the L2/HBM access granularity third-party 910B models use (assumed).
  t.l2Bytes = 192 * MiB;
  t.l2LineBytes = 512;
  t.l2ReadBytesPerCycle = 110;
  t.l2WriteBytesPerCycle = 86;
  t.paths = a2a3Paths();
  t.smallTransfer = {247, 30000};
  t.cube = cubeRates();
  t.cubeFixedCycles = 16; // assumed
  t.matmulMaxDim = 4095;
  t.vector = vectorRate();
  t.vectorBf16Arithmetic = false;
  t.vectorI32Ordering = false;
  t.eventIdsPerPipePair = 8;
  // No public figure: an estimate of a flag's trip through the cluster's
  // FFTS sync unit, of the order of a GM slot's fixed transfer setup.
  t.crossCoreFlagCycles = 100; // assumed
  t.cvtPairs = a2a3CvtPairs();
  t.minEfficientTransferBytes = 8 * KiB; // assumed
  t.vectorChunkMaxCols = 4096;           // assumed
  t.copyChunkMaxCols = 8192;             // assumed
  t.cubeBlockMaxRows = 128;              // assumed
  t.cubeBlockMaxCols = 256;              // assumed
  return t;
}

/// a5: capacities, cluster count, the extra L0C->UB and UB->L1 paths and its
/// TCVT column are published; clock and rates are assumed equal to a2a3. Its
/// L2: CANN's platform configuration of the Ascend950PR (Ascend950PR_957bx.ini)
/// gives 112 MiB and 100 bytes/cycle read and write per AI Core.
TargetDescription makeA5() {
  TargetDescription t = makeA2A3();
  t.name = "a5";
  t.clusters = 18;
  t.cubeCores = 18;
  t.vectorCores = 36;
  t.capacity = {0, 256 * KiB, 512 * KiB, 64 * KiB, 64 * KiB, 256 * KiB,
                4 * KiB, 4 * KiB};
  t.paths[int(Path::L0cToUb)] = chipPath(Pipe::FIX, 70);  // assumed rate
  t.paths[int(Path::UbToL1)] = chipPath(Pipe::MTE3, 188); // assumed rate
  t.l2Bytes = 112 * MiB;
  t.l2ReadBytesPerCycle = 100;
  t.l2WriteBytesPerCycle = 100;
  t.vectorBf16Arithmetic = true;
  t.vectorI32Ordering = true;
  t.cvtPairs = a5CvtPairs();
  return t;
}

} // namespace

const TargetDescription *lookupTarget(std::string_view name) {
  static const TargetDescription a2a3 = makeA2A3();
  static const TargetDescription a5 = makeA5();
  if (name == a2a3.name)
    return &a2a3;
  if (name == a5.name)
    return &a5;
  return nullptr;
}

std::vector<std::string_view> targetNames() { return {"a2a3", "a5"}; }

} // namespace tilec::target
