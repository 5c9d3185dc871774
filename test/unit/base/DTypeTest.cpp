// Names, sizes and classes of the element types.
#include "base/DType.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

using namespace tilec;

TEST(DType, NamesAndSizes) {
  struct Row {
    DType t;
    const char *name;
    std::size_t size;
    bool isFloat;
  };
  const Row rows[] = {
      {DType::BF16, "bf16", 2, true}, {DType::F16, "f16", 2, true},
      {DType::F32, "f32", 4, true},   {DType::I8, "i8", 1, false},
      {DType::U8, "u8", 1, false},    {DType::I16, "i16", 2, false},
      {DType::I32, "i32", 4, false},  {DType::I64, "i64", 8, false},
  };
  for (const Row &r : rows) {
    EXPECT_EQ(name(r.t), r.name);
    EXPECT_EQ(sizeOf(r.t), r.size) << r.name;
    EXPECT_EQ(isFloat(r.t), r.isFloat) << r.name;
    EXPECT_EQ(isInteger(r.t), !r.isFloat) << r.name;
    EXPECT_EQ(parseDType(r.name), r.t) << r.name;
  }
  EXPECT_FALSE(isSignedInteger(DType::U8));
  EXPECT_TRUE(isSignedInteger(DType::I8));
  EXPECT_FALSE(isSignedInteger(DType::F32));
}

TEST(DType, ParseRejectsUnknownSpellings) {
  for (const char *s : {"", "half", "float", "F32", "bfloat16", "i4", "u16",
                        "f32 ", "fp16"})
    EXPECT_EQ(parseDType(s), std::nullopt) << '"' << s << '"';
}

TEST(DType, UsableAtCompileTime) {
  static_assert(sizeOf(DType::I64) == 8);
  static_assert(parseDType("bf16") == DType::BF16);
  static_assert(name(DType::U8) == "u8");
}

TEST(DType, PrecisionBitsAreTheHostTypesDigits) {
  // std::numeric_limits<T>::digits: significand bits with the implicit one for
  // floats, value bits without the sign for integers.
  EXPECT_EQ(precisionBits(DType::F32), unsigned(std::numeric_limits<float>::digits));
  EXPECT_EQ(precisionBits(DType::I8), unsigned(std::numeric_limits<int8_t>::digits));
  EXPECT_EQ(precisionBits(DType::U8), unsigned(std::numeric_limits<uint8_t>::digits));
  EXPECT_EQ(precisionBits(DType::I16), unsigned(std::numeric_limits<int16_t>::digits));
  EXPECT_EQ(precisionBits(DType::I32), unsigned(std::numeric_limits<int32_t>::digits));
  EXPECT_EQ(precisionBits(DType::I64), unsigned(std::numeric_limits<int64_t>::digits));
  EXPECT_EQ(precisionBits(DType::BF16), 8u); // 7 stored bits
  EXPECT_EQ(precisionBits(DType::F16), 11u); // 10 stored bits
}

// Narrowing = some value of the source has no exact value in the target,
// from the formats: bf16 has 8 significand bits and f32's range, f16 11 bits
// and a maximum below 2^16, f32 24 bits; i8 needs 7 value bits, i32 31.
TEST(DType, NarrowingFollowsTheFormats) {
  const DType kinds[] = {DType::BF16, DType::F16, DType::F32, DType::I8, DType::I32};
  const bool narrowing[5][5] = {
      // to: bf16   f16    f32    i8     i32
      {false, true, false, true, true},    // from bf16
      {true, false, false, true, true},    // from f16
      {true, true, false, true, true},     // from f32
      {false, false, false, false, false}, // from i8: every value fits a float; ints wrap
      {true, true, true, false, false},    // from i32
  };
  for (int from = 0; from < 5; ++from)
    for (int to = 0; to < 5; ++to)
      EXPECT_EQ(isNarrowing(kinds[from], kinds[to]), narrowing[from][to])
          << name(kinds[from]) << " -> " << name(kinds[to]);
}
