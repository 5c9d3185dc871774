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
