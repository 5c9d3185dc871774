// Hand-computed aggregation: two launches, more blocks than cores, so blocks
// queue on cores and launches add up.
#include "test/unit/launch/LaunchTestSupport.h"

namespace tilec::launch::testing {
namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

TEST(AggregationTest, BlocksQueueOnCoresAndLaunchesAddUp) {
  // Two vector cores, so launch 1's three blocks queue: core 0 runs blocks 0
  // and 2, core 1 runs block 1.
  target::TargetDescription twoCores = a2a3();
  twoCores.vectorCores = 2;
  LoadedKernel kernel = loadTestKernel("load_repeat.cpp", "load_repeat");
  ASSERT_TRUE(kernel.entry);
  std::vector<float> x(256, 1.0f);
  ModelHost host({&twoCores, "load_repeat", 2, false, {}});
  host.addTensor(x.data(), x.size() * sizeof(float), "x");
  Status status = runKernel(kernel.entry, host, {x.data()}, {3, 1});
  ASSERT_TRUE(bool(status)) << status.error();

  // One 1 KiB TLOAD: L cycles; block b issues b + 1 of them.
  const double L = twoCores.cyclesToMicros(twoCores.transferCycles(target::Path::GmToUb, 1024));
  const std::vector<LaunchRecord> &launches = host.launches();
  ASSERT_EQ(launches.size(), 2u);
  // Launch 1: core 0 busy L + 3L, core 1 busy 2L -> 4L. Launch 2: block 0, L.
  EXPECT_NEAR(launches[0].report.micros, 4 * L, 1e-9);
  EXPECT_NEAR(launches[0].report.busyMicros[int(target::Pipe::MTE2)], 6 * L, 1e-9);
  EXPECT_NEAR(launches[1].startMicros, 4 * L, 1e-9);
  EXPECT_NEAR(launches[1].report.micros, L, 1e-9);

  isa::ModelReport total = host.total();
  EXPECT_NEAR(total.micros, 5 * L, 1e-9);
  EXPECT_NEAR(total.busyMicros[int(target::Pipe::MTE2)], 7 * L, 1e-9);
  EXPECT_EQ(total.bytes[int(target::Path::GmToUb)], 7u * 1024);
  EXPECT_EQ(total.gmBytes, 7u * 1024);
  EXPECT_EQ(total.cores, 4);
  // The L2: the first TLOAD's first 64-byte row of each of x's two lines
  // misses and fills the line from HBM; every other row hits.
  EXPECT_EQ(total.hbmReadBytes, 1024u);
  EXPECT_EQ(total.hbmWriteBytes, 0u);
  EXPECT_EQ(total.l2HitBytes, 7u * 1024 - 2 * 64);
  // Roofline: no cube or vector work; the memory term of each launch is the
  // longer of its HBM bytes at the chip's HBM bandwidth and its GM reads at
  // the chip's L2 read rate (here the L2: 6 KiB read against 1 KiB filled).
  const double hbm = 1024 / (twoCores.chipGmGiBps * kGiB) * 1e6;
  const double l2Read = 1024 / (twoCores.l2ReadBytesPerCycle * twoCores.clusters) /
                        (twoCores.clockGHz * 1e3);
  ASSERT_GT(6 * l2Read, hbm);
  const double memory = 7 * l2Read;
  EXPECT_NEAR(total.memoryBoundMicros, memory, 1e-12);
  EXPECT_STREQ(total.boundBy(), "memory");
  EXPECT_NEAR(total.rooflineRatio(), memory / (5 * L), 1e-9);
}

} // namespace
} // namespace tilec::launch::testing
