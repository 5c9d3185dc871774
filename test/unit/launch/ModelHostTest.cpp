// A hand-written kernel run end to end on the model: GM parameters and
// scratch, two launches in order, blocks over threads, the trace.
#include "test/unit/launch/LaunchTestSupport.h"

#include <sstream>

namespace tilec::launch::testing {
namespace {

/// scale_twice on `blocks` blocks of 1024 floats with factor 3, so y = 9x.
struct ScaleTwiceRun {
  std::vector<float> x, y;
  std::unique_ptr<ModelHost> host;
  Status status;
};

ScaleTwiceRun runScaleTwice(int blocks, int threads, bool trace = false,
                            const target::TargetDescription *target = &a2a3()) {
  ScaleTwiceRun run;
  run.x.resize(size_t(blocks) * 1024);
  for (size_t i = 0; i < run.x.size(); ++i)
    run.x[i] = float(int(i % 97) - 48) * 0.25f;
  run.y.assign(run.x.size(), -1.0f);
  LoadedKernel kernel = loadTestKernel("scale_twice.cpp", "scale_twice");
  if (!kernel.entry)
    return run;
  run.host = std::make_unique<ModelHost>(ModelHostOptions{target, "scale_twice", threads, trace, {}});
  run.host->addTensor(run.x.data(), run.x.size() * sizeof(float), "x");
  run.host->addTensor(run.y.data(), run.y.size() * sizeof(float), "y");
  run.status = runKernel(kernel.entry, *run.host, {run.x.data(), run.y.data()},
                         {blocks, floatBits(3.0f)});
  return run;
}

TEST(ModelHostTest, RunsTwoLaunchesThroughScratchInOrder) {
  ScaleTwiceRun run = runScaleTwice(4, 2);
  ASSERT_TRUE(run.host);
  ASSERT_TRUE(bool(run.status)) << run.status.error();
  for (size_t i = 0; i < run.x.size(); ++i)
    ASSERT_EQ(run.y[i], 9.0f * run.x[i]) << "element " << i;

  const std::vector<LaunchRecord> &launches = run.host->launches();
  ASSERT_EQ(launches.size(), 2u);
  for (const LaunchRecord &launch : launches) {
    EXPECT_EQ(launch.task, "scale");
    EXPECT_EQ(launch.kind, isa::CoreKind::Vector);
    EXPECT_EQ(launch.blocks, 4);
    EXPECT_EQ(launch.report.cores, 4);
    EXPECT_EQ(launch.report.bytes[int(target::Path::GmToUb)], 4u * 4096);
    EXPECT_EQ(launch.report.bytes[int(target::Path::UbToGm)], 4u * 4096);
    EXPECT_GT(launch.report.micros, 0.0);
  }
  EXPECT_EQ(launches[0].startMicros, 0.0);
  EXPECT_NEAR(launches[1].startMicros, launches[0].report.micros, 1e-9);

  isa::ModelReport total = run.host->total();
  EXPECT_NEAR(total.micros, launches[0].report.micros + launches[1].report.micros, 1e-9);
  EXPECT_EQ(total.gmBytes, 4u * 4 * 4096);
  EXPECT_EQ(total.cores, 8);
}

TEST(ModelHostTest, TheChipBandwidthBoundsALaunch) {
  // No launch is faster than its HBM bytes at the chip's HBM bandwidth: with
  // a chip of a tenth of a2a3's bandwidth, the cores' own rates would finish
  // first, so the bandwidth sets the time of the first launch, which reads x
  // from HBM. The second reads the scratch the first wrote, still in the L2,
  // and writes y into the L2: no HBM bytes, so the narrow HBM does not slow it.
  ScaleTwiceRun fast = runScaleTwice(96, 2);
  ASSERT_TRUE(fast.host);
  ASSERT_TRUE(bool(fast.status)) << fast.status.error();
  for (const LaunchRecord &launch : fast.host->launches())
    EXPECT_LE(launch.report.rooflineRatio(), 1.0 + 1e-9);

  target::TargetDescription narrow = a2a3();
  narrow.chipGmGiBps /= 10;
  ScaleTwiceRun slow = runScaleTwice(96, 2, /*trace=*/false, &narrow);
  ASSERT_TRUE(slow.host);
  ASSERT_TRUE(bool(slow.status)) << slow.status.error();
  const std::vector<LaunchRecord> &launches = slow.host->launches();
  ASSERT_EQ(launches.size(), 2u);
  const uint64_t bytes = 96u * 4096;
  EXPECT_EQ(launches[0].report.hbmReadBytes, bytes);
  EXPECT_NEAR(launches[0].report.micros, launches[0].report.memoryBoundMicros, 1e-6);
  EXPECT_NEAR(launches[0].report.micros, narrow.chipGmMicros(bytes), 1e-6);
  EXPECT_GT(launches[0].report.micros, fast.host->launches()[0].report.micros);
  EXPECT_EQ(launches[1].report.l2HitBytes, bytes);
  EXPECT_EQ(launches[1].report.hbmBytes(), 0u);
  EXPECT_NEAR(launches[1].report.micros, fast.host->launches()[1].report.micros, 1e-9);
  // y and the scratch are still dirty in the L2 when the kernel ends.
  EXPECT_EQ(slow.host->l2DirtyBytes(), 2 * bytes);
}

TEST(ModelHostTest, OneAndTwoThreadsGiveIdenticalResults) {
  ScaleTwiceRun one = runScaleTwice(8, 1);
  ScaleTwiceRun two = runScaleTwice(8, 2);
  ASSERT_TRUE(one.host && two.host);
  ASSERT_TRUE(bool(one.status) && bool(two.status));
  EXPECT_EQ(one.y, two.y);
  isa::ModelReport a = one.host->total(), b = two.host->total();
  EXPECT_EQ(a.micros, b.micros);
  EXPECT_EQ(a.busyMicros, b.busyMicros);
  EXPECT_EQ(a.bytes, b.bytes);
  EXPECT_EQ(a.l2HitBytes, b.l2HitBytes);
  EXPECT_EQ(a.hbmBytes(), b.hbmBytes());
}

TEST(ModelHostTest, TheTraceShowsEachLaunchAtItsStart) {
  ScaleTwiceRun run = runScaleTwice(2, 2, /*trace=*/true);
  ASSERT_TRUE(run.host);
  ASSERT_TRUE(bool(run.status)) << run.status.error();
  std::ostringstream trace;
  run.host->writeTrace(trace);
  // Vector core 0 is process 24 on a2a3 (after the 24 cube cores).
  EXPECT_NE(trace.str().find("core 24 aiv (scale_twice/scale block 0)"), std::string::npos);
  EXPECT_NE(trace.str().find("core 25 aiv (scale_twice/scale block 1)"), std::string::npos);
  // The second launch's TLOAD on core 24 starts where the first launch ended.
  std::ostringstream secondLoad;
  secondLoad << "{\"ph\":\"X\",\"name\":\"TLOAD\",\"pid\":24,\"tid\":"
             << int(target::Pipe::MTE2) << ",\"ts\":" << run.host->launches()[1].startMicros;
  EXPECT_NE(trace.str().find(secondLoad.str()), std::string::npos) << trace.str();
}

} // namespace
} // namespace tilec::launch::testing
