// Float -> integer: rounding, saturation (clamp) and wrapping (modulo 2^n).
#include "runtime/numerics/Convert.h"
#include "test/unit/numerics/Oracle.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <random>

using namespace tilec;

namespace {
constexpr bool kSat = true, kWrap = false;
f16 h(float v) { return f16(v); }
float fromBits(uint32_t b) {
  float f;
  std::memcpy(&f, &b, 4);
  return f;
}
} // namespace

TEST(FloatToInt, F16ToI8WrapsByMaskingOrSaturates) {
  EXPECT_EQ(f16ToI8(h(300), RoundMode::Rint, kWrap), 44); // 300 - 256
  EXPECT_EQ(f16ToI8(h(300), RoundMode::Rint, kSat), 127);
  EXPECT_EQ(f16ToI8(h(-300), RoundMode::Rint, kWrap), -44);
  EXPECT_EQ(f16ToI8(h(-300), RoundMode::Rint, kSat), -128);
  EXPECT_EQ(f16ToI8(h(128), RoundMode::Rint, kWrap), -128);
  EXPECT_EQ(f16ToI8(h(-129), RoundMode::Rint, kWrap), 127);
  EXPECT_EQ(f16ToI8(h(127.4f), RoundMode::Rint, kSat), 127);
  EXPECT_EQ(f16ToI8(h(127.5f), RoundMode::Rint, kWrap), -128); // rounds to 128
  EXPECT_EQ(f16ToI8(h(-127), RoundMode::Trunc, kWrap), -127);
}

TEST(FloatToInt, F16ToU8) {
  EXPECT_EQ(f16ToU8(h(300), RoundMode::Rint, kWrap), 44);
  EXPECT_EQ(f16ToU8(h(300), RoundMode::Rint, kSat), 255);
  EXPECT_EQ(f16ToU8(h(-1), RoundMode::Rint, kWrap), 255);
  EXPECT_EQ(f16ToU8(h(-1), RoundMode::Rint, kSat), 0);
  EXPECT_EQ(f16ToU8(h(-0.4f), RoundMode::Floor, kSat), 0);   // -1 clamps
  EXPECT_EQ(f16ToU8(h(-0.4f), RoundMode::Floor, kWrap), 255); // -1 wraps
  EXPECT_EQ(f16ToU8(h(255.5f), RoundMode::Rint, kSat), 255);
}

TEST(FloatToInt, RoundingModesOnHalves) {
  struct Row {
    float in;
    int32_t expected[7]; // none rint round floor ceil trunc odd
  };
  const Row rows[] = {
      {2.5f, {2, 2, 3, 2, 3, 2, 3}},       {3.5f, {4, 4, 4, 3, 4, 3, 3}},
      {-2.5f, {-2, -2, -3, -3, -2, -2, -3}}, {-3.5f, {-4, -4, -4, -4, -3, -3, -3}},
      {0.5f, {0, 0, 1, 0, 1, 0, 1}},       {-0.5f, {0, 0, -1, -1, 0, 0, -1}},
      {2.25f, {2, 2, 2, 2, 3, 2, 3}},      {-2.75f, {-3, -3, -3, -3, -2, -2, -3}},
      {7.0f, {7, 7, 7, 7, 7, 7, 7}},       {-0.0f, {0, 0, 0, 0, 0, 0, 0}},
  };
  for (const Row &r : rows)
    for (int i = 0; i < 7; ++i) {
      RoundMode m = kAllRoundModes[i];
      EXPECT_EQ(f32ToI32(r.in, m, kSat), r.expected[i]) << r.in << " " << name(m);
      EXPECT_EQ(f16ToI32(h(r.in), m, kSat), r.expected[i]) << r.in;
      EXPECT_EQ(bf16ToI32(bf16(r.in), m, kSat), r.expected[i]) << r.in;
      EXPECT_EQ(f32ToI16(r.in, m, kWrap), r.expected[i]) << r.in;
      EXPECT_EQ(f32ToI64(r.in, m, kWrap), r.expected[i]) << r.in;
    }
}

TEST(FloatToInt, NonFiniteIgnoresSaturationSetting) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  for (bool sat : {kSat, kWrap}) {
    EXPECT_EQ(f32ToI32(nan, RoundMode::Rint, sat), 0);
    EXPECT_EQ(f32ToI32(-nan, RoundMode::Rint, sat), 0);
    EXPECT_EQ(f32ToI32(inf, RoundMode::Rint, sat), INT32_MAX);
    EXPECT_EQ(f32ToI32(-inf, RoundMode::Trunc, sat), INT32_MIN);
    EXPECT_EQ(f32ToI64(inf, RoundMode::Rint, sat), INT64_MAX);
    EXPECT_EQ(f16ToI8(f16::fromBits(0x7C00), RoundMode::Rint, sat), 127);
    EXPECT_EQ(f16ToU8(f16::fromBits(0xFC00), RoundMode::Rint, sat), 0);
    EXPECT_EQ(f16ToI8(f16::fromBits(0x7E00), RoundMode::Rint, sat), 0);
  }
}

TEST(FloatToInt, OutOfRangeF32) {
  EXPECT_EQ(f32ToI32(3e9f, RoundMode::Rint, kSat), INT32_MAX);
  EXPECT_EQ(f32ToI32(3e9f, RoundMode::Rint, kWrap), -1294967296); // 3e9 - 2^32
  EXPECT_EQ(f32ToI32(2147483648.0f, RoundMode::Rint, kSat), INT32_MAX);
  EXPECT_EQ(f32ToI32(2147483648.0f, RoundMode::Rint, kWrap), INT32_MIN);
  EXPECT_EQ(f32ToI32(-2147483648.0f, RoundMode::Rint, kSat), INT32_MIN);
  EXPECT_EQ(f32ToI32(-2147483904.0f, RoundMode::Rint, kSat), INT32_MIN);
  EXPECT_EQ(f32ToI32(-2147483904.0f, RoundMode::Rint, kWrap), 2147483392);
  EXPECT_EQ(f32ToI16(40000.5f, RoundMode::Rint, kSat), 32767);
  EXPECT_EQ(f32ToI16(40000.5f, RoundMode::Rint, kWrap), 40000 - 65536);
  EXPECT_EQ(f32ToI16(-32768.9f, RoundMode::Ceil, kSat), -32768);
  EXPECT_EQ(f32ToI16(-32768.9f, RoundMode::Floor, kSat), -32768);
  EXPECT_EQ(f32ToI16(-32768.9f, RoundMode::Floor, kWrap), 32767);
  // Beyond 2^64 the exact integer's low bits are zero: wrapping gives 0.
  EXPECT_EQ(f32ToI64(0x1p64f, RoundMode::Rint, kWrap), 0);
  EXPECT_EQ(f32ToI64(0x1p64f, RoundMode::Rint, kSat), INT64_MAX);
  EXPECT_EQ(f32ToI64(0x1.000002p70f, RoundMode::Rint, kWrap),
            int64_t(1) << 47); // (2^70 + 2^47) mod 2^64
  EXPECT_EQ(f32ToI64(0x1.000002p63f, RoundMode::Rint, kWrap),
            INT64_MIN + (int64_t(1) << 40)); // 2^63 + 2^40 wraps negative
  EXPECT_EQ(f32ToI64(-0x1p63f, RoundMode::Rint, kSat), INT64_MIN);
  EXPECT_EQ(f32ToI64(-0x1p63f, RoundMode::Rint, kWrap), INT64_MIN);
  EXPECT_EQ(f32ToI64(fromBits(0x7F7FFFFF), RoundMode::Trunc, kSat), INT64_MAX);
  EXPECT_EQ(f32ToI64(fromBits(0xFF7FFFFF), RoundMode::Trunc, kSat), INT64_MIN);
  EXPECT_EQ(bf16ToI32(bf16::fromBits(0x4F80), RoundMode::Rint, kSat), INT32_MAX);
  EXPECT_EQ(bf16ToI32(bf16::fromBits(0x4F80), RoundMode::Rint, kWrap), 0);
}

TEST(FloatToInt, TinyValuesRoundByMode) {
  const float tiny = fromBits(1); // 2^-149
  EXPECT_EQ(f32ToI32(tiny, RoundMode::Rint, kSat), 0);
  EXPECT_EQ(f32ToI32(tiny, RoundMode::Ceil, kSat), 1);
  EXPECT_EQ(f32ToI32(tiny, RoundMode::Odd, kSat), 1);
  EXPECT_EQ(f32ToI32(-tiny, RoundMode::Floor, kSat), -1);
  EXPECT_EQ(f32ToI32(-tiny, RoundMode::Round, kSat), 0);
}

namespace {
template <typename Int, typename Fn>
void checkAgainstGolden(double value, Fn convertFn, const char *what) {
  constexpr int width = sizeof(Int) * 8;
  constexpr bool isSigned = std::numeric_limits<Int>::is_signed;
  constexpr uint64_t mask =
      width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  for (RoundMode m : kAllRoundModes)
    for (bool sat : {kSat, kWrap}) {
      uint64_t got = uint64_t(convertFn(m, sat)) & mask;
      ASSERT_EQ(got, test::oracleInt(value, width, isSigned, m, sat))
          << what << " " << value << " " << name(m) << " sat=" << sat;
    }
}
} // namespace

TEST(FloatToInt, EveryF16ToEachIntegerTypeMatchesGolden) {
  for (uint32_t b = 0; b <= 0xFFFF; ++b) {
    f16 v = f16::fromBits(uint16_t(b));
    double d = test::decodePattern(b, test::kF16);
    checkAgainstGolden<int8_t>(
        d, [&](RoundMode m, bool s) { return f16ToI8(v, m, s); }, "f16->i8");
    checkAgainstGolden<uint8_t>(
        d, [&](RoundMode m, bool s) { return f16ToU8(v, m, s); }, "f16->u8");
    checkAgainstGolden<int16_t>(
        d, [&](RoundMode m, bool s) { return f16ToI16(v, m, s); }, "f16->i16");
    checkAgainstGolden<int32_t>(
        d, [&](RoundMode m, bool s) { return f16ToI32(v, m, s); }, "f16->i32");
  }
}

TEST(FloatToInt, EveryBf16ToI32MatchesGolden) {
  for (uint32_t b = 0; b <= 0xFFFF; ++b) {
    bf16 v = bf16::fromBits(uint16_t(b));
    double d = test::decodePattern(b, test::kBf16);
    checkAgainstGolden<int32_t>(
        d, [&](RoundMode m, bool s) { return bf16ToI32(v, m, s); },
        "bf16->i32");
  }
}

TEST(FloatToInt, RandomF32MatchesGolden) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<uint32_t> any;
  std::uniform_int_distribution<int64_t> near(-(int64_t(1) << 34),
                                              int64_t(1) << 34);
  std::uniform_int_distribution<int> eighths(0, 7);
  for (int i = 0; i < 300000; ++i) {
    // Alternate uniform bit patterns with values close to integers.
    float x = (i & 1) ? fromBits(any(rng))
                      : float(double(near(rng)) + eighths(rng) / 8.0);
    double d = x;
    checkAgainstGolden<int16_t>(
        d, [&](RoundMode m, bool s) { return f32ToI16(x, m, s); }, "f32->i16");
    checkAgainstGolden<int32_t>(
        d, [&](RoundMode m, bool s) { return f32ToI32(x, m, s); }, "f32->i32");
    checkAgainstGolden<int64_t>(
        d, [&](RoundMode m, bool s) { return f32ToI64(x, m, s); }, "f32->i64");
  }
}
