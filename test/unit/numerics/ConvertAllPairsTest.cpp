// The array entry point convert(): every DType pair, rounding mode and
// saturation setting against the independent golden, on unaligned buffers.
#include "runtime/numerics/Convert.h"
#include "test/unit/numerics/Oracle.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

using namespace tilec;

namespace {

test::Format formatOf(DType t) {
  return t == DType::F32 ? test::kF32 : t == DType::F16 ? test::kF16 : test::kBf16;
}

/// Reads element i of a raw buffer of type t as its unsigned pattern.
uint64_t loadBits(DType t, const unsigned char *p, size_t i) {
  uint64_t b = 0;
  std::memcpy(&b, p + i * sizeOf(t), sizeOf(t)); // little-endian host
  return b;
}

/// The exact value of a pattern (NaN for NaN patterns).
double valueOf(DType t, uint64_t bits) {
  switch (t) {
  case DType::BF16:
  case DType::F16:
  case DType::F32:
    return test::decodePattern(uint32_t(bits), formatOf(t));
  case DType::U8:
    return double(uint8_t(bits));
  case DType::I8:
    return double(int8_t(uint8_t(bits)));
  case DType::I16:
    return double(int16_t(uint16_t(bits)));
  case DType::I32:
    return double(int32_t(uint32_t(bits)));
  case DType::I64:
    return double(int64_t(bits));
  }
  return 0;
}

/// Random source patterns: uniform bits, small integers and halves, special
/// values. i64 values stay exact in a double (|v| < 2^53 or few set bits).
std::vector<uint64_t> sourcePatterns(DType t, std::mt19937_64 &rng) {
  std::vector<uint64_t> out;
  uint64_t mask = sizeOf(t) == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * sizeOf(t))) - 1;
  for (int i = 0; i < 3000; ++i) {
    uint64_t r = rng();
    if (t == DType::I64)
      r = (i % 2) ? uint64_t(int64_t(r >> 11) - (int64_t(1) << 52))
                  : (r & 0xFFFFF) << (r >> 58); // up to 20 bits, shifted
    out.push_back(r & mask);
  }
  if (isFloat(t)) {
    test::Format f = formatOf(t);
    for (double v : {0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 127.5, 128.0, 255.5,
                     300.0, -300.0, 32767.5, 65504.0, 3e9, double(INFINITY), -double(INFINITY)})
      out.push_back(test::oracleFloat(v, f, RoundMode::Rint));
    out.push_back(f.infBits() | 1);               // signalling NaN
    out.push_back(f.signBit() | f.infBits() | 3); // negative NaN
  }
  return out;
}

} // namespace

TEST(ConvertAllPairs, MatchesGoldenForEveryPairModeAndSaturation) {
  std::mt19937_64 rng(2024);
  for (DType from : kAllDTypes) {
    std::vector<uint64_t> patterns = sourcePatterns(from, rng);
    size_t n = patterns.size();
    // One byte of offset makes every element misaligned.
    std::vector<unsigned char> src(1 + n * sizeOf(from));
    for (size_t i = 0; i < n; ++i)
      std::memcpy(&src[1 + i * sizeOf(from)], &patterns[i], sizeOf(from));
    for (DType to : kAllDTypes) {
      std::vector<unsigned char> dst(1 + n * sizeOf(to));
      for (RoundMode mode : kAllRoundModes)
        for (Saturation sat : {Saturation::Default, Saturation::On, Saturation::Off}) {
          convert(from, &src[1], to, &dst[1], n, mode, sat);
          RoundMode applied = effectiveRoundMode(mode, from, to);
          bool saturate = resolveSaturation(sat, from, to);
          for (size_t i = 0; i < n; ++i) {
            double v = valueOf(from, patterns[i]);
            uint64_t got = loadBits(to, &dst[1], i);
            if (isFloat(to) && std::isnan(v)) {
              ASSERT_TRUE(std::isnan(valueOf(to, got)));
              ASSERT_EQ(std::signbit(valueOf(to, got)), std::signbit(v));
              continue;
            }
            uint64_t expected =
                isFloat(to) ? test::oracleFloat(v, formatOf(to), applied)
                            : test::oracleInt(v, int(8 * sizeOf(to)),
                                              isSignedInteger(to), applied,
                                              saturate);
            ASSERT_EQ(got, expected)
                << name(from) << "->" << name(to) << " value " << v << " mode "
                << name(mode) << " sat " << name(sat);
          }
        }
    }
  }
}

TEST(ConvertAllPairs, DefaultSaturationWrapsF16ToI8) {
  const f16 in[] = {f16(300.0f), f16(-300.0f), f16(100.0f)};
  int8_t out[3];
  convert(DType::F16, in, DType::I8, out, 3, RoundMode::Rint, Saturation::Default);
  EXPECT_EQ(out[0], 44);
  EXPECT_EQ(out[1], -44);
  EXPECT_EQ(out[2], 100);
  convert(DType::F16, in, DType::I8, out, 3, RoundMode::Rint, Saturation::On);
  EXPECT_EQ(out[0], 127);
  EXPECT_EQ(out[1], -128);
}

TEST(ConvertAllPairs, DefaultSaturationClampsF32ToI32) {
  const float in[] = {3e9f, -3e9f};
  int32_t out[2];
  convert(DType::F32, in, DType::I32, out, 2, RoundMode::Rint, Saturation::Default);
  EXPECT_EQ(out[0], INT32_MAX);
  EXPECT_EQ(out[1], INT32_MIN);
}

TEST(ConvertAllPairs, AgreesWithScalarHelpersOnTypedArrays) {
  std::vector<float> in;
  for (int i = -2000; i <= 2000; ++i)
    in.push_back(float(i) * 0.37f + 0.5f);
  std::vector<bf16> asBf16(in.size());
  std::vector<f16> asF16(in.size());
  convert(DType::F32, in.data(), DType::BF16, asBf16.data(), in.size(),
          RoundMode::Round, Saturation::Default);
  convert(DType::F32, in.data(), DType::F16, asF16.data(), in.size(),
          RoundMode::Odd, Saturation::Default);
  for (size_t i = 0; i < in.size(); ++i) {
    ASSERT_EQ(asBf16[i].bits, f32ToBf16(in[i], RoundMode::Round).bits);
    ASSERT_EQ(asF16[i].bits, f32ToF16(in[i], RoundMode::Odd).bits);
  }
}

TEST(ConvertAllPairs, ZeroElementsTouchesNothing) {
  unsigned char dst[4] = {1, 2, 3, 4};
  convert(DType::F32, nullptr, DType::I8, dst, 0, RoundMode::Rint, Saturation::On);
  EXPECT_EQ(dst[0], 1);
}
