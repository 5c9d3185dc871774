// The conformance harness's host (test/Conformance/SimHost) on hand-written
// tasks in the launch ABI, no pto-isa needed: a mixed launch runs each
// cluster's AIC and two AIVs at once with their sub-block ids, exchanging
// data through a GM ring and the cross-core flag stand-ins' flags
// (SimCore.h: what ffts_cross_core_sync / wait_flag_dev run on); a failing
// core is named and releases its waiting partners; waits that can never end,
// flags outside a mixed launch and unsupported modes fail with a message.
#include "test/Conformance/SimHost.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tilec::conformance {
namespace {

constexpr int kFull = 0, kFree = 1; // the ring's cross-core flags
constexpr int kSlots = 2;           // slots per cluster
constexpr int kBlocks = 3;

uint64_t message(int flag) { return pto::getFFTSMsg(pto::CV_CORES_SYNC, uint16_t(flag)); }

/// gm: ring (kSlots slots of one int64 per AIV, per cluster), out (per block,
/// item and AIV), cores (per block and part: kind, sub-block id and dim).
/// scalars[0]: items per block. The AIC fills slot after slot, waiting for
/// the AIVs to free one when the ring is full (so the parts must run at
/// once); each AIV doubles its half of each slot into out.
void producer(isa::CoreContext *core, void *const *gm, const int64_t *scalars, int32_t block,
              int32_t) {
  isa::BindSimCore bind(*core);
  auto *ring = static_cast<int64_t *>(gm[0]) + block * kSlots * 2;
  static_cast<int64_t *>(gm[2])[block * 3] =
      int64_t(core->kind) * 100 + core->subblockId * 10 + core->subblockDim;
  for (int64_t item = 0; item < scalars[0]; ++item) {
    if (item >= kSlots)
      isa::crossCoreWait(kFree);
    for (int aiv = 0; aiv < 2; ++aiv)
      ring[(item % kSlots) * 2 + aiv] = block * 1000 + item * 10 + aiv;
    isa::crossCoreSet(message(kFull));
  }
}

void consumer(isa::CoreContext *core, void *const *gm, const int64_t *scalars, int32_t block,
              int32_t) {
  isa::BindSimCore bind(*core);
  const int64_t items = scalars[0];
  auto *ring = static_cast<int64_t *>(gm[0]) + block * kSlots * 2;
  auto *out = static_cast<int64_t *>(gm[1]) + block * items * 2;
  static_cast<int64_t *>(gm[2])[block * 3 + 1 + core->subblockId] =
      int64_t(core->kind) * 100 + core->subblockId * 10 + core->subblockDim;
  for (int64_t item = 0; item < items; ++item) {
    isa::crossCoreWait(kFull);
    out[item * 2 + core->subblockId] = 2 * ring[(item % kSlots) * 2 + core->subblockId];
    isa::crossCoreSet(message(kFree));
  }
}

/// The tensors of one launch of `items` items per block.
struct Tensors {
  explicit Tensors(int64_t items)
      : ring(kBlocks * kSlots * 2, -1), out(size_t(kBlocks * items * 2), -1),
        cores(kBlocks * 3, -1), scalars{items} {}
  void *const *gm() {
    pointers = {ring.data(), out.data(), cores.data()};
    return pointers.data();
  }
  std::vector<int64_t> ring, out, cores, scalars;
  std::vector<void *> pointers;
};

/// The message of the std::runtime_error `launch` throws ("" if none).
template <typename Launch> std::string errorOf(Launch launch) {
  try {
    launch();
  } catch (const std::runtime_error &error) {
    return error.what();
  }
  return "";
}

/// The error of a mixed launch `task` of kernel "k" ("" if none).
std::string mixedLaunchError(const char *task, isa::TaskEntry cube, isa::TaskEntry vector,
                             int32_t blocks, Tensors &t) {
  SimHost host("k");
  return errorOf([&] {
    host.launchMixed(task, cube, vector, blocks, t.gm(), 3, t.scalars.data(), 1);
  });
}

TEST(SimHostMixed, RunsEachClustersCoresTogether) {
  const int64_t items = 5; // more than the ring holds: the AIC waits for frees
  Tensors t(items);
  SimHost host("k");
  host.launchMixed("p+c", producer, consumer, kBlocks, t.gm(), 3, t.scalars.data(), 1);
  for (int block = 0; block < kBlocks; ++block) {
    for (int64_t item = 0; item < items; ++item)
      for (int aiv = 0; aiv < 2; ++aiv)
        EXPECT_EQ(t.out[size_t((block * items + item) * 2 + aiv)],
                  2 * (block * 1000 + item * 10 + aiv))
            << "block " << block << " item " << item << " aiv " << aiv;
    // The AIC: cube, sub-block 0 of 1; the AIVs: vector, 0 and 1 of 2.
    EXPECT_EQ(t.cores[size_t(block * 3)], int64_t(isa::CoreKind::Cube) * 100 + 1);
    EXPECT_EQ(t.cores[size_t(block * 3 + 1)], int64_t(isa::CoreKind::Vector) * 100 + 2);
    EXPECT_EQ(t.cores[size_t(block * 3 + 2)], int64_t(isa::CoreKind::Vector) * 100 + 12);
  }
}

void failingConsumer(isa::CoreContext *core, void *const *gm, const int64_t *scalars,
                     int32_t block, int32_t blocks) {
  if (block == 1 && core->subblockId == 1)
    throw std::runtime_error("boom");
  consumer(core, gm, scalars, block, blocks);
}

TEST(SimHostMixed, AFailingCoreIsNamedAndReleasesItsPartners) {
  // The AIC then waits for a free slot that AIV 1 never gives: it must end
  // (a partner failure) and not be the core the error names.
  Tensors t(5);
  EXPECT_EQ(mixedLaunchError("p+c", producer, failingConsumer, kBlocks, t),
            "kernel 'k/p+c' block 1/3: aiv1: boom");
  // Block 0 ran; block 2 did not.
  EXPECT_EQ(t.out[0], 0);
  EXPECT_EQ(t.cores[2 * 3], -1);
}

void waitsForFull(isa::CoreContext *core, void *const *, const int64_t *, int32_t, int32_t) {
  isa::BindSimCore bind(*core);
  isa::crossCoreWait(kFull);
}

TEST(SimHostMixed, WaitsNobodyWillSatisfyFail) {
  Tensors t(1);
  EXPECT_EQ(mixedLaunchError("w+w", waitsForFull, waitsForFull, kBlocks, t),
            "kernel 'k/w+w' block 0/3: aic: wait_flag_dev(0): every core of the cluster waits "
            "on a cross-core flag nobody will set (or has finished): the NPU would hang here");
}

TEST(SimHostMixed, FlagsNeedAMixedLaunch) {
  Tensors t(1);
  SimHost host("k");
  EXPECT_EQ(errorOf([&] {
              host.launch("w", waitsForFull, isa::CoreKind::Vector, 2, t.gm(), 3,
                          t.scalars.data(), 1);
            }),
            "kernel 'k/w' block 0/2: wait_flag_dev: cross-core flags need a mixed launch (an "
            "AIC and its AIVs running together); this core runs alone");
}

void setsInMode1(isa::CoreContext *core, void *const *, const int64_t *, int32_t, int32_t) {
  isa::BindSimCore bind(*core);
  isa::crossCoreSet(pto::getFFTSMsg(pto::VEC_SUBCORES_SYNC, 3));
}

void waitsOnFlag16(isa::CoreContext *core, void *const *, const int64_t *, int32_t, int32_t) {
  isa::BindSimCore bind(*core);
  isa::crossCoreWait(16);
}

TEST(SimHostMixed, OnlyTheCubeVectorModeAndSixteenFlags) {
  Tensors t(1);
  EXPECT_EQ(mixedLaunchError("m+w", setsInMode1, waitsForFull, 1, t),
            "kernel 'k/m+w' block 0/1: aic: ffts_cross_core_sync: mode 1 is not supported: "
            "only CV_CORES_SYNC (2), between an AIC and its AIVs");
  EXPECT_EQ(mixedLaunchError("w+f", waitsForFull, waitsOnFlag16, 1, t),
            "kernel 'k/w+f' block 0/1: aiv0: wait_flag_dev: cross-core flag id 16 out of range "
            "[0, 16)");
}

} // namespace
} // namespace tilec::conformance
