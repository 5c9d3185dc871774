#include "base/TargetDescription.h"
#include "runtime/numerics/ConversionRules.h"

#include <gtest/gtest.h>

namespace tilec::target {
namespace {

TEST(TargetDescription, LooksUpByName) {
  ASSERT_NE(lookupTarget("a2a3"), nullptr);
  ASSERT_NE(lookupTarget("a5"), nullptr);
  EXPECT_EQ(lookupTarget("a3"), nullptr);
  EXPECT_EQ(lookupTarget("a2a3")->name, "a2a3");
}

TEST(TargetDescription, A2A3Capacities) {
  const TargetDescription &t = *lookupTarget("a2a3");
  EXPECT_EQ(t.capacityOf(MemSpace::UB), 192u * 1024);
  EXPECT_EQ(t.capacityOf(MemSpace::L1), 512u * 1024);
  EXPECT_EQ(t.capacityOf(MemSpace::L0A), 64u * 1024);
  EXPECT_EQ(t.capacityOf(MemSpace::L0B), 64u * 1024);
  EXPECT_EQ(t.capacityOf(MemSpace::L0C), 128u * 1024);
  EXPECT_EQ(t.alignment, 32u);
  EXPECT_EQ(t.cubeCores, 24);
  EXPECT_EQ(t.vectorCores, 48);
  EXPECT_EQ(t.eventIdsPerPipePair, 8);
  EXPECT_EQ(t.crossCoreFlagCycles, 100);
}

TEST(TargetDescription, A5DiffersWhereDocumented) {
  const TargetDescription &t = *lookupTarget("a5");
  EXPECT_EQ(t.capacityOf(MemSpace::UB), 256u * 1024);
  EXPECT_EQ(t.capacityOf(MemSpace::L0C), 256u * 1024);
  EXPECT_TRUE(t.paths[int(Path::L0cToUb)].available);
  EXPECT_FALSE(lookupTarget("a2a3")->paths[int(Path::L0cToUb)].available);
  EXPECT_TRUE(t.isLegalCvt(DType::BF16, DType::F16));
}

TEST(TargetDescription, A2A3ConversionTable) {
  const TargetDescription &t = *lookupTarget("a2a3");
  EXPECT_TRUE(t.isLegalCvt(DType::F32, DType::BF16));
  EXPECT_TRUE(t.isLegalCvt(DType::I32, DType::F16));
  EXPECT_TRUE(t.isLegalCvt(DType::F16, DType::I8));
  EXPECT_FALSE(t.isLegalCvt(DType::F32, DType::I8));
  EXPECT_FALSE(t.isLegalCvt(DType::BF16, DType::F16));
  // Agrees with the numerics library's a2a3 table on every pair.
  for (DType a : kAllDTypes)
    for (DType b : kAllDTypes)
      EXPECT_EQ(t.isLegalCvt(a, b), isLegalOnA2A3(a, b) ||
                                        (a == DType::I16 && (b == DType::F16 || b == DType::F32)) ||
                                        (a == DType::I64 && (b == DType::F32 || b == DType::I32)) ||
                                        (a == DType::U8 && b == DType::F16))
          << name(a) << " -> " << name(b);
}

TEST(TargetDescription, CubeCycles) {
  const TargetDescription &t = *lookupTarget("a2a3");
  // 128 x 256 x 64 bf16: 8 * 16 * 4 fractal steps, plus the issue cost.
  EXPECT_DOUBLE_EQ(t.matmulCycles(DType::BF16, 128, 256, 64), 512 + t.cubeFixedCycles);
  // int8 has k0 = 32, f32 has k0 = 8.
  EXPECT_DOUBLE_EQ(t.matmulCycles(DType::I8, 16, 64, 16), 2 + t.cubeFixedCycles);
  EXPECT_DOUBLE_EQ(t.matmulCycles(DType::F32, 16, 64, 16), 8 + t.cubeFixedCycles);
  // Partial fractals cost whole steps.
  EXPECT_DOUBLE_EQ(t.matmulCycles(DType::F16, 1, 1, 1), 1 + t.cubeFixedCycles);
}

TEST(TargetDescription, TransferFollowsRateAndSmallTransferCurve) {
  const TargetDescription &t = *lookupTarget("a2a3");
  const double gib = 1024.0 * 1024 * 1024;
  // Large GM->UB: the sustained 101 GiB/s dominates.
  double big = 1 << 20;
  EXPECT_NEAR(t.transferCycles(Path::GmToUb, uint64_t(big)),
              big / (101 * gib) * 1.85e9, 1e-6);
  // Small GM->UB: (n + 30000) / 247 GiB/s is slower than n / 101 GiB/s.
  double small = 4096;
  EXPECT_NEAR(t.transferCycles(Path::GmToUb, uint64_t(small)),
              (small + 30000) / (247 * gib) * 1.85e9, 1e-6);
}

} // namespace
} // namespace tilec::target
