// f32 -> bf16 / f16 in every rounding mode: hand-checked bit patterns, then
// broad cross-checks against independent goldens.
#include "runtime/numerics/Convert.h"
#include "test/unit/numerics/Oracle.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

using namespace tilec;

namespace {
float fromBits(uint32_t b) {
  float f;
  std::memcpy(&f, &b, 4);
  return f;
}
uint32_t bitsOf(float f) {
  uint32_t b;
  std::memcpy(&b, &f, 4);
  return b;
}

/// Expected results per mode, in kAllRoundModes order:
/// none, rint, round, floor, ceil, trunc, odd.
struct Case {
  uint32_t input;
  uint16_t expected[7];
  const char *what;
};

void checkCases(const std::vector<Case> &cases, bool toBf16) {
  for (const Case &c : cases)
    for (int i = 0; i < 7; ++i) {
      RoundMode m = kAllRoundModes[i];
      float x = fromBits(c.input);
      uint16_t got = toBf16 ? f32ToBf16(x, m).bits : f32ToF16(x, m).bits;
      EXPECT_EQ(got, c.expected[i])
          << c.what << " (0x" << std::hex << c.input << ") mode " << name(m);
    }
}
} // namespace

TEST(F32ToBf16, KnownPatterns) {
  checkCases(
      {
          // none   rint    round   floor   ceil    trunc   odd
          {0x3F800000, {0x3F80, 0x3F80, 0x3F80, 0x3F80, 0x3F80, 0x3F80, 0x3F80}, "exact 1.0"},
          {0x3F808000, {0x3F80, 0x3F80, 0x3F81, 0x3F80, 0x3F81, 0x3F80, 0x3F81}, "tie, even below"},
          {0x3F818000, {0x3F82, 0x3F82, 0x3F82, 0x3F81, 0x3F82, 0x3F81, 0x3F81}, "tie, even above"},
          {0x3F808001, {0x3F81, 0x3F81, 0x3F81, 0x3F80, 0x3F81, 0x3F80, 0x3F81}, "just above tie"},
          {0x3F807FFF, {0x3F80, 0x3F80, 0x3F80, 0x3F80, 0x3F81, 0x3F80, 0x3F81}, "just below tie"},
          {0xBF808000, {0xBF80, 0xBF80, 0xBF81, 0xBF81, 0xBF80, 0xBF80, 0xBF81}, "negative tie"},
          {0x3FFF8000, {0x4000, 0x4000, 0x4000, 0x3FFF, 0x4000, 0x3FFF, 0x3FFF}, "carry into exponent"},
          {0x7F7FFFFF, {0x7F80, 0x7F80, 0x7F80, 0x7F7F, 0x7F80, 0x7F7F, 0x7F7F}, "FLT_MAX overflows"},
          {0xFF7FFFFF, {0xFF80, 0xFF80, 0xFF80, 0xFF80, 0xFF7F, 0xFF7F, 0xFF7F}, "-FLT_MAX overflows"},
          {0x7F7F7FFF, {0x7F7F, 0x7F7F, 0x7F7F, 0x7F7F, 0x7F80, 0x7F7F, 0x7F7F}, "below overflow tie"},
          {0x7F7F8000, {0x7F80, 0x7F80, 0x7F80, 0x7F7F, 0x7F80, 0x7F7F, 0x7F7F}, "overflow tie"},
          {0x00010000, {0x0001, 0x0001, 0x0001, 0x0001, 0x0001, 0x0001, 0x0001}, "bf16 min subnormal"},
          {0x00008000, {0x0000, 0x0000, 0x0001, 0x0000, 0x0001, 0x0000, 0x0001}, "half min subnormal"},
          {0x00018000, {0x0002, 0x0002, 0x0002, 0x0001, 0x0002, 0x0001, 0x0001}, "subnormal tie"},
          {0x00000001, {0x0000, 0x0000, 0x0000, 0x0000, 0x0001, 0x0000, 0x0001}, "f32 min subnormal"},
          {0x80000001, {0x8000, 0x8000, 0x8000, 0x8001, 0x8000, 0x8000, 0x8001}, "-f32 min subnormal"},
          {0x007FFFFF, {0x0080, 0x0080, 0x0080, 0x007F, 0x0080, 0x007F, 0x007F}, "subnormal to normal"},
          {0x00000000, {0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000}, "+0"},
          {0x80000000, {0x8000, 0x8000, 0x8000, 0x8000, 0x8000, 0x8000, 0x8000}, "-0"},
          {0x7F800000, {0x7F80, 0x7F80, 0x7F80, 0x7F80, 0x7F80, 0x7F80, 0x7F80}, "+Inf"},
          {0xFF800000, {0xFF80, 0xFF80, 0xFF80, 0xFF80, 0xFF80, 0xFF80, 0xFF80}, "-Inf"},
          {0x7FC00000, {0x7FC0, 0x7FC0, 0x7FC0, 0x7FC0, 0x7FC0, 0x7FC0, 0x7FC0}, "quiet NaN"},
          {0x7F800001, {0x7FC0, 0x7FC0, 0x7FC0, 0x7FC0, 0x7FC0, 0x7FC0, 0x7FC0}, "signalling NaN stays NaN"},
          {0xFFA12345, {0xFFE1, 0xFFE1, 0xFFE1, 0xFFE1, 0xFFE1, 0xFFE1, 0xFFE1}, "NaN keeps sign and top payload"},
      },
      /*toBf16=*/true);
}

TEST(F32ToF16, KnownPatterns) {
  checkCases(
      {
          // none   rint    round   floor   ceil    trunc   odd
          {0x3F801000, {0x3C00, 0x3C00, 0x3C01, 0x3C00, 0x3C01, 0x3C00, 0x3C01}, "1 + 2^-11 tie"},
          {0x3F803000, {0x3C02, 0x3C02, 0x3C02, 0x3C01, 0x3C02, 0x3C01, 0x3C01}, "1 + 3*2^-11 tie"},
          {0xBF801000, {0xBC00, 0xBC00, 0xBC01, 0xBC01, 0xBC00, 0xBC00, 0xBC01}, "-(1 + 2^-11) tie"},
          {0x477FE000, {0x7BFF, 0x7BFF, 0x7BFF, 0x7BFF, 0x7BFF, 0x7BFF, 0x7BFF}, "65504 = max finite"},
          {0x477FEF00, {0x7BFF, 0x7BFF, 0x7BFF, 0x7BFF, 0x7C00, 0x7BFF, 0x7BFF}, "65519"},
          {0x477FF000, {0x7C00, 0x7C00, 0x7C00, 0x7BFF, 0x7C00, 0x7BFF, 0x7BFF}, "65520 overflow tie"},
          {0x49742400, {0x7C00, 0x7C00, 0x7C00, 0x7BFF, 0x7C00, 0x7BFF, 0x7BFF}, "1e6"},
          {0xC9742400, {0xFC00, 0xFC00, 0xFC00, 0xFC00, 0xFBFF, 0xFBFF, 0xFBFF}, "-1e6"},
          {0x38800000, {0x0400, 0x0400, 0x0400, 0x0400, 0x0400, 0x0400, 0x0400}, "2^-14 min normal"},
          {0x33800000, {0x0001, 0x0001, 0x0001, 0x0001, 0x0001, 0x0001, 0x0001}, "2^-24 min subnormal"},
          {0x33000000, {0x0000, 0x0000, 0x0001, 0x0000, 0x0001, 0x0000, 0x0001}, "2^-25 tie to zero"},
          {0x33C00000, {0x0002, 0x0002, 0x0002, 0x0001, 0x0002, 0x0001, 0x0001}, "1.5 * 2^-24 tie"},
          {0x32800000, {0x0000, 0x0000, 0x0000, 0x0000, 0x0001, 0x0000, 0x0001}, "2^-26"},
          {0xB3000000, {0x8000, 0x8000, 0x8001, 0x8001, 0x8000, 0x8000, 0x8001}, "-2^-25"},
          {0x387FE000, {0x0400, 0x0400, 0x0400, 0x03FF, 0x0400, 0x03FF, 0x03FF}, "1023.5 * 2^-24 into normal"},
          {0x00000001, {0x0000, 0x0000, 0x0000, 0x0000, 0x0001, 0x0000, 0x0001}, "f32 subnormal"},
          {0x80000000, {0x8000, 0x8000, 0x8000, 0x8000, 0x8000, 0x8000, 0x8000}, "-0"},
          {0xFF800000, {0xFC00, 0xFC00, 0xFC00, 0xFC00, 0xFC00, 0xFC00, 0xFC00}, "-Inf"},
          {0x7FC00000, {0x7E00, 0x7E00, 0x7E00, 0x7E00, 0x7E00, 0x7E00, 0x7E00}, "quiet NaN"},
          {0x7F800001, {0x7E00, 0x7E00, 0x7E00, 0x7E00, 0x7E00, 0x7E00, 0x7E00}, "signalling NaN stays NaN"},
          {0xFFC02000, {0xFE01, 0xFE01, 0xFE01, 0xFE01, 0xFE01, 0xFE01, 0xFE01}, "NaN keeps sign and top payload"},
      },
      /*toBf16=*/false);
}

namespace {
/// Inputs that stress a 16-bit destination: random f32 patterns, plus exact
/// destination values, midpoints (ties) and their f32 neighbours.
std::vector<float> narrowingInputs(test::Format dst, std::mt19937 &rng) {
  std::vector<float> in;
  std::uniform_int_distribution<uint32_t> any;
  for (int i = 0; i < 200000; ++i)
    in.push_back(fromBits(any(rng)));
  uint32_t finiteCount = dst.infBits(); // patterns 0 .. max finite
  std::uniform_int_distribution<uint32_t> pattern(0, finiteCount - 1);
  for (int i = 0; i < 100000; ++i) {
    uint32_t p = pattern(rng);
    float sign = (i & 1) ? -1.0f : 1.0f;
    float lo = float(test::patternValue(p, dst));
    float mid = float((test::patternValue(p, dst) +
                       test::patternValue(p + 1, dst)) / 2);
    for (float v : {lo, mid, std::nextafter(mid, 0.0f),
                    std::nextafter(mid, INFINITY)})
      in.push_back(sign * v);
  }
  return in;
}
} // namespace

TEST(F32ToBf16, AllModesMatchNeighbourGolden) {
  std::mt19937 rng(1234);
  for (float x : narrowingInputs(test::kBf16, rng)) {
    if (std::isnan(x))
      continue;
    for (RoundMode m : kAllRoundModes)
      ASSERT_EQ(f32ToBf16(x, m).bits, test::oracleFloat(x, test::kBf16, m))
          << std::hex << bitsOf(x) << " " << name(m);
  }
}

TEST(F32ToF16, AllModesMatchNeighbourGolden) {
  std::mt19937 rng(5678);
  for (float x : narrowingInputs(test::kF16, rng)) {
    if (std::isnan(x))
      continue;
    for (RoundMode m : kAllRoundModes)
      ASSERT_EQ(f32ToF16(x, m).bits, test::oracleFloat(x, test::kF16, m))
          << std::hex << bitsOf(x) << " " << name(m);
  }
}

// Every 251st f32 pattern (17 million inputs across all exponents).
TEST(F32ToBf16, NearestEvenMatchesAddAndShiftFormula) {
  for (uint64_t b = 0; b <= 0xFFFFFFFFu; b += 251) {
    uint32_t x = uint32_t(b);
    if ((x & 0x7FFFFFFF) > 0x7F800000)
      continue; // NaN: covered by the known patterns
    uint16_t expected = uint16_t((x + 0x7FFF + ((x >> 16) & 1)) >> 16);
    ASSERT_EQ(f32ToBf16(fromBits(x)).bits, expected) << std::hex << x;
  }
}

#ifdef __FLT16_MAX__
// Every 509th f32 pattern (the host conversion is slow in software).
TEST(F32ToF16, NearestEvenMatchesHostFloat16) {
  for (uint64_t b = 0; b <= 0xFFFFFFFFu; b += 509) {
    float x = fromBits(uint32_t(b));
    if (std::isnan(x))
      continue;
    _Float16 h = static_cast<_Float16>(x);
    uint16_t expected;
    std::memcpy(&expected, &h, 2);
    ASSERT_EQ(f32ToF16(x).bits, expected) << std::hex << b;
  }
}
#endif
