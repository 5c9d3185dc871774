// Mixed launches: an AIC producer and its two AIV consumers of each block run
// together over a TPipe ring (MixedKernels.h) — results, the schedule over
// host threads, the cross-core timing, the L2's view of the ring, errors.
#include "test/unit/launch/LaunchTestSupport.h"
#include "test/unit/launch/MixedKernels.h"

#include "runtime/launch/BlockScheduler.h"

#include <sstream>

namespace tilec::launch::testing {
namespace {

using pto::half;
using target::Pipe;

/// The tensors of one run: x of small integers (exact in f16), the identity,
/// the ring and y.
struct MixedData {
  MixedData(int blocks, int items, uint32_t slots)
      : x(size_t(blocks) * items * kRows * kCols), b(kRows * kCols),
        ring(size_t(blocks) * slots * kSlotBytes), y(x.size(), -1.0f) {
    for (size_t i = 0; i < x.size(); ++i)
      x[i] = isa::store<half>(float(int(i % 23) - 11));
    for (int r = 0; r < kRows; ++r)
      for (int c = 0; c < kCols; ++c)
        b[size_t(r) * kCols + c] = isa::store<half>(r == c ? 1.0f : 0.0f);
  }
  void registerWith(isa::GmRegistry &gm) {
    gm.add(x.data(), x.size() * sizeof(half), "x");
    gm.add(b.data(), b.size() * sizeof(half), "b");
    gm.add(ring.data(), ring.size(), "ring");
    gm.add(y.data(), y.size() * sizeof(float), "y");
  }
  void *const *params() {
    pointers = {x.data(), b.data(), ring.data(), y.data()};
    return pointers.data();
  }
  void expectDoubled() const {
    for (size_t i = 0; i < x.size(); ++i)
      ASSERT_EQ(y[i], 2.0f * float(isa::load(x[i]))) << "element " << i;
  }

  std::vector<half> x, b;
  std::vector<std::byte> ring;
  std::vector<float> y;
  std::vector<void *> pointers;
};

/// One mixed launch of `blocks` blocks straight on the scheduler.
struct SchedulerRun {
  SchedulerRun(int blocks, int items, int extraMuls, int threads, bool trace = true,
               int extraPops = 0)
      : data(blocks, items, 2), l2(a2a3()) {
    data.registerWith(gm);
    scalars = {items, extraMuls, extraPops};
    result = runBlocks(a2a3(), gm, l2,
                       {"mixed/pipe", cubeProducer<2>, vectorConsumer<2>, isa::CoreKind::Mixed,
                        blocks, data.params(), scalars.data(), 0, trace},
                       threads);
  }
  MixedData data;
  isa::GmRegistry gm;
  L2Cache l2;
  std::vector<int64_t> scalars;
  BlocksResult result;
};

/// Start and end of the `n`-th (from 0) traced instruction `name` on `pipe`.
std::pair<double, double> nth(const isa::CoreContext &core, Pipe pipe, const char *name,
                              int n) {
  for (const isa::TraceEvent &e : core.cycles.trace())
    if (e.pipe == pipe && std::string(e.name) == name && n-- == 0)
      return {e.startCycle, e.startCycle + e.cycles};
  ADD_FAILURE() << "no instruction " << name << " #" << n;
  return {0, 0};
}

double busy(const isa::CoreContext &core) {
  double sum = 0;
  for (int p = 0; p < target::kNumPipes; ++p)
    sum += core.cycles.busyCycles(Pipe(p));
  return sum;
}

TEST(MixedLaunchTest, ProducerAndConsumersMeetThroughASmallRingOnOneThread) {
  // 8 items through 2 slots: the AIC must wait for freed slots six times, and
  // one host thread for the launch still runs it (each AIV gets its own).
  SchedulerRun run(/*blocks=*/3, /*items=*/8, /*extraMuls=*/0, /*threads=*/1);
  ASSERT_FALSE(run.result.error) << *run.result.error;
  run.data.expectDoubled();
  // Three clusters of one AIC and two AIVs, in block order.
  ASSERT_EQ(run.result.tracedCores.size(), 9u);
  EXPECT_EQ(run.result.report.cores, 9);
  const auto &cores = run.result.tracedCores;
  EXPECT_EQ(cores[0]->kind(), isa::CoreKind::Cube);
  EXPECT_EQ(cores[0]->coreId(), 0);
  EXPECT_EQ(cores[1]->kind(), isa::CoreKind::Vector);
  EXPECT_EQ(cores[1]->coreId(), 24);
  EXPECT_EQ(cores[2]->coreId(), 25);
  EXPECT_EQ(cores[3]->coreId(), 1);
  EXPECT_EQ(cores[4]->coreId(), 26);
  // Both kinds did their work: the cube's MACs, the vector's TMULS.
  EXPECT_EQ(run.result.report.macs, 3u * 8 * kRows * kRows * kCols);
  EXPECT_GT(run.result.report.busyMicros[int(Pipe::V)], 0.0);
}

TEST(MixedLaunchTest, CyclesDoNotDependOnHostThreads) {
  SchedulerRun one(4, 6, 3, 1), many(4, 6, 3, 8);
  ASSERT_FALSE(one.result.error);
  ASSERT_FALSE(many.result.error);
  EXPECT_EQ(one.result.endCycle, many.result.endCycle);
  for (size_t i = 0; i < one.result.tracedCores.size(); ++i)
    EXPECT_EQ(one.result.tracedCores[i]->cycles.elapsedCycles(),
              many.result.tracedCores[i]->cycles.elapsedCycles())
        << "core " << i;
  EXPECT_EQ(one.result.report.l2HitBytes, many.result.report.l2HitBytes);
}

TEST(MixedLaunchTest, ConsumerStartsOnTheFirstPushAndOverlapsTheProducer) {
  // A consumer slower than the producer (24 extra TMULS an item).
  const int items = 8;
  SchedulerRun run(1, items, 24, 2);
  ASSERT_FALSE(run.result.error) << *run.result.error;
  const isa::CoreContext &aic = *run.result.tracedCores[0];
  const isa::CoreContext &aiv = *run.result.tracedCores[1];
  const double latency = a2a3().crossCoreFlagCycles;
  // The first pop's load starts when the first push's fixpipe store is
  // visible: its end plus the cross-core flag latency.
  const double firstFull = nth(aic, Pipe::FIX, "TSTORE", 0).second + latency;
  EXPECT_EQ(nth(aiv, Pipe::MTE2, "TLOAD", 0).first, firstFull);
  // The AIV never waits again: it ends its busy time after that.
  EXPECT_NEAR(aiv.cycles.elapsedCycles(), firstFull + busy(aiv), 1e-6);
  // So the launch takes the consumer's time plus the fill, not the sum.
  const double end = run.result.endCycle;
  EXPECT_DOUBLE_EQ(end, aiv.cycles.elapsedCycles());
  EXPECT_LT(end, aic.cycles.elapsedCycles() + busy(aiv));
  // The producer ran ahead until the 2-slot ring was full, then waited for
  // the consumer's "free" flags (one per two pops, waited for every second
  // push): push 6 reuses slots only once pop 5 has finished.
  EXPECT_GE(nth(aic, Pipe::FIX, "TSTORE", 6).first,
            nth(aiv, Pipe::MTE2, "TLOAD", 5).second + latency);
  EXPECT_LT(nth(aic, Pipe::FIX, "TSTORE", 1).first, nth(aiv, Pipe::MTE2, "TLOAD", 1).first);
}

TEST(MixedLaunchTest, RingStaysResidentInTheL2) {
  SchedulerRun run(2, 8, 0, 2, false);
  ASSERT_FALSE(run.result.error);
  const isa::ModelReport &report = run.result.report;
  // HBM fills only x and the identity (the second AIC's read of it hits);
  // every pop reads its slot from the L2.
  EXPECT_EQ(report.hbmReadBytes, run.data.x.size() * sizeof(half) + 512);
  EXPECT_EQ(report.hbmWriteBytes, 0u);
  const uint64_t popped = 2u * 8 * kSlotBytes;
  EXPECT_GE(report.l2HitBytes, popped);
  // Dirty at the end: the two rings (2 slots each) and y, nothing else.
  EXPECT_EQ(run.l2.dirtyBytes(), 2u * 2 * kSlotBytes + run.data.y.size() * sizeof(float));
}

TEST(MixedLaunchTest, PopWithoutPushFailsInsteadOfHanging) {
  SchedulerRun run(2, 3, 0, 1, false, /*extraPops=*/1);
  ASSERT_TRUE(run.result.error);
  EXPECT_NE(run.result.error->find("kernel 'mixed/pipe' block 0/2"), std::string::npos)
      << *run.result.error;
  EXPECT_NE(run.result.error->find("wait_flag_dev (pipe S): wait_flag_dev(0): every core of "
                                   "the cluster waits on a cross-core flag nobody will set"),
            std::string::npos)
      << *run.result.error;
}

void failingCube(isa::CoreContext *core, void *const *, const int64_t *, int32_t block,
                 int32_t blocks) {
  isa::BindCore bind(*core, block, blocks);
  pto::Tile<pto::TileType::Vec, float, 8, 8> ub;
  pto::TASSIGN(ub, 0); // an AIC has no UB
}

TEST(MixedLaunchTest, APartnersFailureIsReportedNotTheWaitItBroke) {
  MixedData data(1, 2, 2);
  isa::GmRegistry gm;
  data.registerWith(gm);
  L2Cache l2(a2a3());
  std::vector<int64_t> scalars{2, 0, 0};
  BlocksResult result = runBlocks(a2a3(), gm, l2,
                                  {"mixed/bad", failingCube, vectorConsumer<2>,
                                   isa::CoreKind::Mixed, 1, data.params(), scalars.data(), 0,
                                   false},
                                  2);
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("TASSIGN of"), std::string::npos) << *result.error;
  EXPECT_NE(result.error->find("this core has no UB"), std::string::npos) << *result.error;
}

void overfullPush(isa::CoreContext *core, void *const *gm, const int64_t *, int32_t block,
                  int32_t blocks) {
  using namespace pto;
  isa::BindCore bind(*core, block, blocks);
  using SmallPipe = TPipe<0, DIR_C2V, kSlotBytes / 2, 2>;
  SmallPipe pipe(gm[2], 0, 0);
  TileAcc<float, kRows, kCols> acc;
  TASSIGN(acc, 0);
  TPUSH<SmallPipe, decltype(acc), TILE_UP_DOWN>(pipe, acc);
}

TEST(MixedLaunchTest, ATileLargerThanItsSlotFails) {
  MixedData data(1, 1, 2);
  isa::GmRegistry gm;
  data.registerWith(gm);
  L2Cache l2(a2a3());
  std::vector<int64_t> scalars{1, 0, 0};
  BlocksResult result = runBlocks(a2a3(), gm, l2,
                                  {"mixed/big", overfullPush, vectorConsumer<2>,
                                   isa::CoreKind::Mixed, 1, data.params(), scalars.data(), 0,
                                   false},
                                  1);
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("kernel 'mixed/big' block 0/1"), std::string::npos)
      << *result.error;
  EXPECT_NE(result.error->find("TPUSH of a 16x16 tile at slot offset 0 needs 1024 bytes; the "
                               "slot has 512"),
            std::string::npos)
      << *result.error;
}

TEST(MixedLaunchTest, ModelHostRunsMixedLaunchesAndRejectsThemThroughLaunch) {
  MixedData data(2, 4, 2);
  ModelHost host({&a2a3(), "mixed", 2, true, {}});
  host.addTensor(data.x.data(), data.x.size() * sizeof(half), "x");
  host.addTensor(data.b.data(), data.b.size() * sizeof(half), "b");
  host.addTensor(data.ring.data(), data.ring.size(), "ring");
  host.addTensor(data.y.data(), data.y.size() * sizeof(float), "y");
  std::vector<int64_t> scalars{4, 0, 0};
  host.launchMixed("pipe", cubeProducer<2>, vectorConsumer<2>, 2, data.params(), 4,
                   scalars.data(), 3);
  data.expectDoubled();
  ASSERT_EQ(host.launches().size(), 1u);
  EXPECT_EQ(host.launches()[0].kind, isa::CoreKind::Mixed);
  EXPECT_STREQ(isa::coreKindName(host.launches()[0].kind), "aic+aiv");
  EXPECT_EQ(host.launches()[0].report.cores, 6);
  std::ostringstream trace;
  host.writeTrace(trace);
  EXPECT_NE(trace.str().find("core 1 aic (mixed/pipe block 1)"), std::string::npos);
  EXPECT_NE(trace.str().find("core 27 aiv (mixed/pipe block 1)"), std::string::npos);
  EXPECT_NE(trace.str().find("\"name\":\"wait_flag_dev\""), std::string::npos);

  try {
    host.launch("pipe", cubeProducer<2>, isa::CoreKind::Mixed, 2, data.params(), 4,
                scalars.data(), 3);
    ADD_FAILURE() << "a mixed launch through launch() ran";
  } catch (const LaunchFailure &failure) {
    EXPECT_NE(std::string(failure.what()).find("needs an AIC and an AIV entry"),
              std::string::npos);
  }
}

} // namespace
} // namespace tilec::launch::testing
