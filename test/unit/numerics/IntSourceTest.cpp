// Integer sources: int -> float rounding (and the i32 -> f16 deq path),
// int -> int narrowing with saturation or wrapping.
#include "runtime/numerics/Convert.h"
#include "test/unit/numerics/Oracle.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

using namespace tilec;

namespace {
uint32_t bitsOf(float f) {
  uint32_t b;
  std::memcpy(&b, &f, 4);
  return b;
}
} // namespace

TEST(IntToFloat, I32ToF32RoundsBeyond2To24) {
  struct Row {
    int32_t in;
    float expected[7]; // none rint round floor ceil trunc odd
  };
  const Row rows[] = {
      {16777216, {16777216, 16777216, 16777216, 16777216, 16777216, 16777216, 16777216}},
      {16777217, {16777216, 16777216, 16777218, 16777216, 16777218, 16777216, 16777218}},
      {16777219, {16777220, 16777220, 16777220, 16777218, 16777220, 16777218, 16777218}},
      {-16777217, {-16777216, -16777216, -16777218, -16777218, -16777216, -16777216, -16777218}},
      {INT32_MAX, {0x1p31f, 0x1p31f, 0x1p31f, 2147483520.0f, 0x1p31f, 2147483520.0f, 2147483520.0f}},
      {INT32_MIN, {-0x1p31f, -0x1p31f, -0x1p31f, -0x1p31f, -0x1p31f, -0x1p31f, -0x1p31f}},
      {0, {0, 0, 0, 0, 0, 0, 0}},
  };
  for (const Row &r : rows)
    for (int i = 0; i < 7; ++i)
      EXPECT_EQ(i32ToF32(r.in, kAllRoundModes[i]), r.expected[i])
          << r.in << " " << name(kAllRoundModes[i]);
  EXPECT_EQ(bitsOf(i32ToF32(0, RoundMode::Floor)), 0u); // +0, never -0
}

TEST(IntToFloat, I32ToF32AllModesMatchGolden) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int32_t> any(INT32_MIN, INT32_MAX);
  for (int i = 0; i < 200000; ++i) {
    int32_t v = any(rng);
    for (RoundMode m : kAllRoundModes)
      ASSERT_EQ(bitsOf(i32ToF32(v, m)), test::oracleFloat(v, test::kF32, m))
          << v << " " << name(m);
  }
}

TEST(IntToFloat, I32ToF16DeqPathRoundsToNearestEven) {
  EXPECT_EQ(i32ToF16(2048).bits, 0x6800);
  EXPECT_EQ(i32ToF16(2049).bits, 0x6800); // tie to even
  EXPECT_EQ(i32ToF16(2051).bits, 0x6802); // tie to even (upwards)
  EXPECT_EQ(i32ToF16(-2049).bits, 0xE800);
  EXPECT_EQ(i32ToF16(65504).bits, 0x7BFF);
  EXPECT_EQ(i32ToF16(65519).bits, 0x7BFF);
  EXPECT_EQ(i32ToF16(65520).bits, 0x7C00); // overflows to Inf
  EXPECT_EQ(i32ToF16(-70000).bits, 0xFC00);
  EXPECT_EQ(i32ToF16(INT32_MIN).bits, 0xFC00);
  for (int32_t v = -70000; v <= 70000; ++v)
    ASSERT_EQ(i32ToF16(v).bits, test::oracleFloat(v, test::kF16, RoundMode::Rint))
        << v;
}

TEST(IntToFloat, DeqPathIgnoresRequestedModeInConvert) {
  const int32_t in[] = {2049, 2051, -2049, 65519, 65520, 123457};
  for (RoundMode m : kAllRoundModes) {
    uint16_t out[6];
    convert(DType::I32, in, DType::F16, out, 6, m, Saturation::Default);
    for (int i = 0; i < 6; ++i)
      EXPECT_EQ(out[i], i32ToF16(in[i]).bits) << in[i] << " " << name(m);
  }
}

TEST(IntToFloat, EveryI8IsExactInF16) {
  for (int v = -128; v <= 127; ++v)
    EXPECT_EQ(f16ToF32(i8ToF16(int8_t(v))), float(v));
}

TEST(IntToInt, I32ToI16) {
  EXPECT_EQ(i32ToI16(70000, false), 4464); // 70000 - 65536
  EXPECT_EQ(i32ToI16(70000, true), 32767);
  EXPECT_EQ(i32ToI16(-70000, false), -4464);
  EXPECT_EQ(i32ToI16(-70000, true), -32768);
  EXPECT_EQ(i32ToI16(32768, false), -32768);
  EXPECT_EQ(i32ToI16(-32768, true), -32768);
  EXPECT_EQ(i32ToI16(INT32_MIN, false), 0);
  EXPECT_EQ(i32ToI16(INT32_MIN, true), -32768);
  EXPECT_EQ(i32ToI16(-1, false), -1);
}

TEST(IntToInt, I64ToI32AndI32ToI64) {
  EXPECT_EQ(i64ToI32((int64_t(1) << 40) + 5, false), 5);
  EXPECT_EQ(i64ToI32((int64_t(1) << 40) + 5, true), INT32_MAX);
  EXPECT_EQ(i64ToI32(INT64_MIN, false), 0);
  EXPECT_EQ(i64ToI32(INT64_MIN, true), INT32_MIN);
  EXPECT_EQ(i64ToI32(INT64_MAX, false), -1);
  EXPECT_EQ(i64ToI32(INT64_MAX, true), INT32_MAX);
  EXPECT_EQ(i64ToI32(int64_t(INT32_MIN) - 1, false), INT32_MAX);
  EXPECT_EQ(i64ToI32(-123456789, true), -123456789);
  EXPECT_EQ(i32ToI64(INT32_MIN), int64_t(INT32_MIN));
  EXPECT_EQ(i32ToI64(-1), -1);
}

TEST(IntToInt, RandomNarrowingMatchesGolden) {
  std::mt19937_64 rng(99);
  for (int i = 0; i < 200000; ++i) {
    // |v| < 2^53 so the golden's double holds v exactly.
    int64_t v = int64_t(rng() >> 11) - (int64_t(1) << 52);
    for (bool sat : {true, false}) {
      ASSERT_EQ(uint64_t(uint32_t(i64ToI32(v, sat))),
                test::oracleInt(double(v), 32, true, RoundMode::Rint, sat));
      int32_t w = int32_t(v % 1000003) * 2003;
      ASSERT_EQ(uint64_t(uint16_t(i32ToI16(w, sat))),
                test::oracleInt(double(w), 16, true, RoundMode::Rint, sat));
    }
  }
}
