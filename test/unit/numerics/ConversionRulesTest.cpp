#include "runtime/numerics/ConversionRules.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

using namespace tilec;

// The a2a3 TCVT table from ISA-NOTES.md, written out pair by pair.
TEST(ConversionRules, LegalOnA2A3MatchesIsaTable) {
  using D = DType;
  const std::set<std::pair<D, D>> legal = {
      {D::F32, D::F16},  {D::F32, D::BF16}, {D::F32, D::I16},
      {D::F32, D::I32},  {D::F32, D::I64},  {D::F16, D::F32},
      {D::F16, D::I32},  {D::F16, D::I16},  {D::F16, D::I8},
      {D::F16, D::U8},   {D::BF16, D::F32}, {D::BF16, D::I32},
      {D::I32, D::F32},  {D::I32, D::I16},  {D::I32, D::I64},
      {D::I32, D::F16},  {D::I8, D::F16},
  };
  for (D from : kAllDTypes)
    for (D to : kAllDTypes) {
      bool expected = from == to || legal.count({from, to}) != 0;
      EXPECT_EQ(isLegalOnA2A3(from, to), expected)
          << name(from) << " -> " << name(to);
    }
}

TEST(ConversionRules, NotablyIllegalPairs) {
  EXPECT_FALSE(isLegalOnA2A3(DType::F32, DType::I8)); // needs i32 -> f16 -> i8
  EXPECT_FALSE(isLegalOnA2A3(DType::BF16, DType::F16));
  EXPECT_FALSE(isLegalOnA2A3(DType::F16, DType::BF16));
}

TEST(ConversionRules, DefaultSaturationOffOnlyForTheFourWrappingPairs) {
  using D = DType;
  const std::set<std::pair<D, D>> wrapping = {
      {D::F16, D::I8}, {D::F16, D::U8}, {D::I64, D::I32}, {D::I32, D::I16}};
  for (D from : kAllDTypes)
    for (D to : kAllDTypes) {
      bool wraps = wrapping.count({from, to}) != 0;
      EXPECT_EQ(saturatesByDefault(from, to), !wraps)
          << name(from) << " -> " << name(to);
      EXPECT_EQ(resolveSaturation(Saturation::Default, from, to), !wraps);
      EXPECT_TRUE(resolveSaturation(Saturation::On, from, to));
      EXPECT_FALSE(resolveSaturation(Saturation::Off, from, to));
    }
}

TEST(ConversionRules, EffectiveRoundMode) {
  // None is Rint.
  EXPECT_EQ(effectiveRoundMode(RoundMode::None, DType::F32, DType::BF16),
            RoundMode::Rint);
  EXPECT_EQ(effectiveRoundMode(RoundMode::None, DType::F32, DType::I32),
            RoundMode::Rint);
  // Explicit modes pass through...
  EXPECT_EQ(effectiveRoundMode(RoundMode::Odd, DType::F32, DType::F16),
            RoundMode::Odd);
  EXPECT_EQ(effectiveRoundMode(RoundMode::Trunc, DType::I32, DType::F32),
            RoundMode::Trunc);
  // ...except on the i32 -> f16 deq path, which always rounds to nearest even.
  for (RoundMode m : kAllRoundModes)
    EXPECT_EQ(effectiveRoundMode(m, DType::I32, DType::F16), RoundMode::Rint);
}
