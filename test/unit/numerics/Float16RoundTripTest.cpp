// Exhaustive checks over all 65536 patterns of f16 and bf16: widening to f32
// is exact, and narrowing back is the identity in every rounding mode.
#include "runtime/numerics/Convert.h"
#include "test/unit/numerics/Oracle.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

using namespace tilec;

namespace {
uint32_t bitsOf(float f) {
  uint32_t b;
  std::memcpy(&b, &f, 4);
  return b;
}
bool isF16NaN(uint16_t b) { return (b & 0x7C00) == 0x7C00 && (b & 0x3FF); }
bool isBf16NaN(uint16_t b) { return (b & 0x7F80) == 0x7F80 && (b & 0x7F); }
} // namespace

TEST(Float16Types, DefaultIsPositiveZeroAndFromBitsKeepsBits) {
  EXPECT_EQ(bf16().bits, 0);
  EXPECT_EQ(f16().bits, 0);
  EXPECT_EQ(bf16::fromBits(0xABCD).bits, 0xABCD);
  EXPECT_EQ(f16::fromBits(0x1234).bits, 0x1234);
  static_assert(f16::fromBits(7).bits == 7);
}

TEST(Float16Types, FloatConstructorRoundsToNearestEven) {
  EXPECT_EQ(bf16(1.0f).bits, 0x3F80);
  EXPECT_EQ(bf16(-2.0f).bits, 0xC000);
  EXPECT_EQ(f16(1.0f).bits, 0x3C00);
  EXPECT_EQ(f16(65504.0f).bits, 0x7BFF);
  // 1 + 2^-8 is a bf16 tie: to even gives 1.0; f16 holds it exactly.
  EXPECT_EQ(bf16(1.00390625f).bits, 0x3F80);
  EXPECT_EQ(f16(1.00390625f).bits, 0x3C04);
  EXPECT_EQ(float(f16(0.1f)), 0.0999755859375f);
  EXPECT_EQ(float(bf16(0.1f)), 0.10009765625f);
}

TEST(Float16Types, Bf16IsRealBfloatNotHalf) {
  // 1e30 overflows f16 but is ordinary for bf16's 8-bit exponent.
  // 1e30f = 0x7149F2CA; the dropped half 0xF2CA is above the tie.
  EXPECT_EQ(bf16(1e30f).bits, 0x714A);
  EXPECT_EQ(f16(1e30f).bits, 0x7C00);
  EXPECT_NEAR(float(bf16(1e30f)) / 1e30f, 1.0f, 1.0f / 256);
}

TEST(Float16RoundTrip, EveryBf16WidensExactlyAndNarrowsBack) {
  for (uint32_t b = 0; b <= 0xFFFF; ++b) {
    bf16 v = bf16::fromBits(uint16_t(b));
    float wide = bf16ToF32(v);
    EXPECT_EQ(bitsOf(wide), b << 16); // bf16 is the top half of an f32
    for (RoundMode m : kAllRoundModes) {
      uint16_t back = f32ToBf16(wide, m).bits;
      if (isBf16NaN(uint16_t(b)))
        ASSERT_EQ(back, b | 0x40) << std::hex << b; // quieted, payload kept
      else
        ASSERT_EQ(back, b) << std::hex << b << " " << name(m);
    }
  }
}

TEST(Float16RoundTrip, EveryF16WidensExactlyAndNarrowsBack) {
  for (uint32_t b = 0; b <= 0xFFFF; ++b) {
    f16 v = f16::fromBits(uint16_t(b));
    float wide = f16ToF32(v);
    double golden = test::decodePattern(b, test::kF16);
    if (isF16NaN(uint16_t(b))) {
      ASSERT_TRUE(std::isnan(wide));
      ASSERT_EQ(std::signbit(wide), (b & 0x8000) != 0);
    } else {
      ASSERT_EQ(double(wide), golden) << std::hex << b;
      ASSERT_EQ(std::signbit(wide), (b & 0x8000) != 0) << std::hex << b;
    }
    for (RoundMode m : kAllRoundModes) {
      uint16_t back = f32ToF16(wide, m).bits;
      if (isF16NaN(uint16_t(b)))
        ASSERT_EQ(back, b | 0x200) << std::hex << b; // quieted, payload kept
      else
        ASSERT_EQ(back, b) << std::hex << b << " " << name(m);
    }
  }
}

#ifdef __FLT16_MAX__
// The host compiler's _Float16 is a second, independent implementation.
TEST(Float16RoundTrip, F16WideningMatchesHostFloat16) {
  for (uint32_t b = 0; b <= 0xFFFF; ++b) {
    if (isF16NaN(uint16_t(b)))
      continue;
    uint16_t raw = uint16_t(b);
    _Float16 h;
    std::memcpy(&h, &raw, 2);
    ASSERT_EQ(bitsOf(f16ToF32(f16::fromBits(raw))), bitsOf(float(h)))
        << std::hex << b;
  }
}
#endif
