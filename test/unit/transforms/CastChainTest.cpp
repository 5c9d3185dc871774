// The cast-chain finder: the chains the lowering emits, on both targets.
#include "compiler/transforms/CastChain.h"

#include <gtest/gtest.h>

using namespace tilec;

namespace {

const target::TargetDescription &a2a3() { return *target::lookupTarget("a2a3"); }
const target::TargetDescription &a5() { return *target::lookupTarget("a5"); }

std::vector<DType> stepsOf(const std::optional<CastChain> &chain) {
  return chain ? std::vector<DType>(chain->steps.begin(), chain->steps.end())
               : std::vector<DType>{};
}

TEST(CastChain, IdentityIsEmpty) {
  std::optional<CastChain> chain = findCastChain(DType::F32, DType::F32, a2a3());
  ASSERT_TRUE(chain);
  EXPECT_TRUE(chain->steps.empty());
}

TEST(CastChain, LegalPairIsOneStep) {
  std::optional<CastChain> chain = findCastChain(DType::F32, DType::BF16, a2a3());
  EXPECT_EQ(stepsOf(chain), (std::vector<DType>{DType::BF16}));
  EXPECT_EQ(chain->roundingStep, 0u);
}

TEST(CastChain, F32ToI8RoundsToIntegerFirst) {
  // f32 → f16 → i8 is shorter but would round twice (to f16, then to i8).
  std::optional<CastChain> chain = findCastChain(DType::F32, DType::I8, a2a3());
  EXPECT_EQ(stepsOf(chain), (std::vector<DType>{DType::I32, DType::F16, DType::I8}));
  EXPECT_EQ(chain->roundingStep, 0u);
}

TEST(CastChain, Bf16ToF16WidensFirst) {
  std::optional<CastChain> chain = findCastChain(DType::BF16, DType::F16, a2a3());
  EXPECT_EQ(stepsOf(chain), (std::vector<DType>{DType::F32, DType::F16}));
  EXPECT_EQ(chain->roundingStep, 1u);
  // a5 converts the pair directly.
  EXPECT_EQ(stepsOf(findCastChain(DType::BF16, DType::F16, a5())),
            (std::vector<DType>{DType::F16}));
}

TEST(CastChain, IntegerNarrowingThroughHalf) {
  // Integers stay integers through f16 when the destination's range fits.
  EXPECT_EQ(stepsOf(findCastChain(DType::I32, DType::I8, a2a3())),
            (std::vector<DType>{DType::F16, DType::I8}));
  EXPECT_EQ(stepsOf(findCastChain(DType::I8, DType::F32, a2a3())),
            (std::vector<DType>{DType::F16, DType::F32}));
}

TEST(CastChain, A5NarrowsIntegersThroughF32) {
  // a5 has no i32 → f16. f32 rounds only integers far outside i8's range,
  // which still saturate; every i8 value stays exact.
  EXPECT_EQ(stepsOf(findCastChain(DType::I32, DType::I8, a5())),
            (std::vector<DType>{DType::F32, DType::F16, DType::I8}));
}

TEST(CastChain, WrappingKeepsTheExactInteger) {
  // f16 rounds i32 values beyond 2048, and wrapping the rounded value differs
  // (16129 wraps to 1, its f16 16128 to 0): no wrapping chain through f16.
  EXPECT_FALSE(findCastChain(DType::I32, DType::I8, a2a3(), /*wraps=*/true));
  EXPECT_FALSE(findCastChain(DType::F32, DType::I8, a2a3(), /*wraps=*/true));
  EXPECT_FALSE(findCastChain(DType::I32, DType::I8, a5(), /*wraps=*/true));
  EXPECT_EQ(stepsOf(findCastChain(DType::F16, DType::I8, a2a3(), /*wraps=*/true)),
            (std::vector<DType>{DType::I8}));
  // f32 → i32 rounds once to the exact integer the i32 destination wraps.
  EXPECT_EQ(stepsOf(findCastChain(DType::F32, DType::I32, a2a3(), /*wraps=*/true)),
            (std::vector<DType>{DType::I32}));
}

TEST(CastChain, CastWraps) {
  EXPECT_FALSE(castWraps(DType::I32, DType::I8, std::nullopt)); // saturates by default
  EXPECT_TRUE(castWraps(DType::F16, DType::I8, std::nullopt));  // wraps by default
  EXPECT_TRUE(castWraps(DType::I32, DType::I8, false));
  EXPECT_FALSE(castWraps(DType::F16, DType::I8, true));
  EXPECT_FALSE(castWraps(DType::I32, DType::F32, false)); // a float destination never wraps
}

TEST(CastChain, DoubleRoundingIsRejected) {
  // i32 → f32 rounds to 24 bits, f32 → bf16 again to 8.
  EXPECT_FALSE(findCastChain(DType::I32, DType::BF16, a2a3()));
}

TEST(CastChain, HoldsEveryValueOf) {
  EXPECT_TRUE(holdsEveryValueOf(DType::F32, DType::BF16));
  EXPECT_TRUE(holdsEveryValueOf(DType::F16, DType::I8));
  EXPECT_TRUE(holdsEveryValueOf(DType::BF16, DType::U8));
  EXPECT_FALSE(holdsEveryValueOf(DType::F16, DType::I16));
  EXPECT_FALSE(holdsEveryValueOf(DType::F32, DType::I32));
  EXPECT_FALSE(holdsEveryValueOf(DType::I8, DType::U8));
  EXPECT_FALSE(holdsEveryValueOf(DType::F16, DType::BF16));
}

} // namespace
