// Cross-core flags of one cluster (an AIC, part 0, and two AIVs): counting,
// the mode-2 pairing towards the AIC, cycles plus the latency, and waits
// that could never end failing instead of hanging. Then the instructions'
// checks on a core outside a mixed launch.
#include "test/unit/isa/IsaTestSupport.h"

#include "runtime/isa/CrossCoreFlags.h"

#include <thread>

namespace tilec::isa::testing {
namespace {

constexpr double kLatency = 100;

TEST(CrossCoreFlags, AnAicSetReachesEachAivAfterTheLatency) {
  CrossCoreFlags flags(2, kLatency);
  flags.set(0, 3, 50);
  flags.set(0, 3, 70);
  // Counts: each AIV consumes the two sets in order.
  for (int aiv : {1, 2}) {
    EXPECT_EQ(flags.wait(aiv, 3).cycle, 150);
    EXPECT_EQ(flags.wait(aiv, 3).cycle, 170);
  }
}

TEST(CrossCoreFlags, TheAicSeesAFlagOnceBothAivsSetIt) {
  CrossCoreFlags flags(2, kLatency);
  flags.set(1, 4, 10);
  flags.set(2, 4, 30);
  flags.set(1, 4, 40);
  CrossCoreFlags::WaitResult first = flags.wait(0, 4);
  ASSERT_FALSE(first.error);
  EXPECT_EQ(first.cycle, 130); // the later of the pair
  // AIV 1's second set alone is not enough: with both AIVs finished the
  // wait can never end.
  flags.finish(1);
  flags.finish(2);
  CrossCoreFlags::WaitResult second = flags.wait(0, 4);
  ASSERT_TRUE(second.error);
  EXPECT_NE(second.error->find("the NPU would hang here"), std::string::npos);
  EXPECT_FALSE(second.partnerFailed);
}

TEST(CrossCoreFlags, AWaitBlocksUntilAnotherThreadSets) {
  CrossCoreFlags flags(2, kLatency);
  CrossCoreFlags::WaitResult seen;
  std::thread aiv([&] { seen = flags.wait(1, 7); });
  flags.set(0, 7, 1000);
  aiv.join();
  ASSERT_FALSE(seen.error);
  EXPECT_EQ(seen.cycle, 1100);
}

TEST(CrossCoreFlags, WaitingOnEachOtherIsADeadlock) {
  CrossCoreFlags flags(2, kLatency);
  CrossCoreFlags::WaitResult aic, aiv;
  std::thread first([&] { aic = flags.wait(0, 1); });
  std::thread second([&] { aiv = flags.wait(1, 2); });
  flags.finish(2);
  first.join();
  second.join();
  ASSERT_TRUE(aic.error);
  ASSERT_TRUE(aiv.error);
  EXPECT_NE(aic.error->find("nobody will set"), std::string::npos);
}

TEST(CrossCoreFlags, AFailedPartnerEndsTheWait) {
  CrossCoreFlags flags(2, kLatency);
  CrossCoreFlags::WaitResult seen;
  std::thread aiv([&] { seen = flags.wait(2, 0); });
  flags.abort();
  aiv.join();
  ASSERT_TRUE(seen.error);
  EXPECT_TRUE(seen.partnerFailed);
}

// pto-isa's message layout (pto/npu/a2a3/TSync.hpp): base count, mode << 4,
// flag << 8; the model and the conformance harness read mode and flag back.
TEST(FftsMessage, EncodesAndDecodesModeAndFlag) {
  EXPECT_EQ(pto::getFFTSMsg(pto::CV_CORES_SYNC, 5), 0x521);
  EXPECT_EQ(pto::getFFTSMsg(pto::VEC_SUBCORES_SYNC, 15, 0x3), 0xf13);
  EXPECT_EQ(fftsMessageMode(pto::getFFTSMsg(pto::CV_CORES_SYNC, 11)), 2);
  EXPECT_EQ(fftsMessageFlag(pto::getFFTSMsg(pto::CV_CORES_SYNC, 11)), 11);
  EXPECT_EQ(fftsMessageMode(pto::getFFTSMsg(pto::CUBE_ALL_CORE_SYNC, 0)), 0);
}

class CrossCoreSync : public IsaTest {};

TEST_F(CrossCoreSync, NeedsAMixedLaunch) {
  EXPECT_MODEL_ERROR(pto::wait_flag_dev(0),
                     "wait_flag_dev (pipe S): cross-core flags need a mixed launch");
}

TEST_F(CrossCoreSync, ChecksModeAndFlag) {
  CrossCoreFlags flags(2, kLatency);
  core().crossCore = &flags;
  EXPECT_MODEL_ERROR(pto::ffts_cross_core_sync(pto::PIPE_FIX,
                                               pto::getFFTSMsg(pto::VEC_SUBCORES_SYNC, 0)),
                     "ffts_cross_core_sync (pipe FIX): mode 1 is not modelled");
  EXPECT_MODEL_ERROR(pto::wait_flag_dev(16), "cross-core flag id 16 out of range [0, 16)");
  // A set on FIX is stamped with FIX's clock; the AIV part sees it later.
  core().cycles.charge(target::Pipe::FIX, 40, "work");
  pto::ffts_cross_core_sync(pto::PIPE_FIX, pto::getFFTSMsg(pto::CV_CORES_SYNC, 5));
  EXPECT_EQ(flags.wait(1, 5).cycle, 140);
}

TEST_F(CrossCoreSync, AWaitStallsEveryPipeOfTheCore) {
  CrossCoreFlags flags(2, kLatency);
  core().crossCore = &flags;
  core().clusterPart = 1;
  core().cycles.charge(target::Pipe::V, 500, "work");
  flags.set(0, 2, 200);
  pto::wait_flag_dev(2);
  EXPECT_EQ(core().cycles.now(target::Pipe::MTE2), 300);
  EXPECT_EQ(core().cycles.now(target::Pipe::V), 500); // issued before: runs on
  EXPECT_EQ(pto::get_subblockid(), 0);
  core().clusterPart = 2;
  EXPECT_EQ(pto::get_subblockid(), 1);
  EXPECT_EQ(pto::get_subblockdim(), 2);
  core().crossCore = nullptr;
  EXPECT_EQ(pto::get_subblockdim(), 1);
}

} // namespace
} // namespace tilec::isa::testing
