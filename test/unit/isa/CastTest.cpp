// TCVT and the fast element paths agree bit for bit with the numerics
// library for every a2a3 pair, round mode and saturation setting.
#include "test/unit/isa/IsaTestSupport.h"

#include <cstring>
#include <random>

namespace tilec::isa::testing {
namespace {
using namespace pto;

template <typename T> T randomBits(std::mt19937 &rng, int i) {
  // Mix of raw bit patterns (NaN, Inf, subnormals) and moderate values.
  T v;
  if (i % 2 == 0) {
    uint32_t bits = rng();
    std::memcpy(static_cast<void *>(&v), &bits, sizeof v);
  } else if constexpr (std::is_integral_v<T>) {
    v = T(int(rng() % 601) - 300);
  } else {
    float f = std::uniform_real_distribution<float>(-300, 300)(rng);
    if (i % 4 == 1)
      f = std::round(f * 2) / 2; // ties
    v = store<T>(f);
  }
  return v;
}

class Cast : public IsaTest {
protected:
  template <typename From, typename To> void checkPair() {
    constexpr int R = 8, C = 64;
    using Src = Tile<TileType::Vec, From, R, C>;
    using Dst = Tile<TileType::Vec, To, R, C>;
    Src src;
    Dst dst;
    TASSIGN(src, 0);
    TASSIGN(dst, 65536);
    std::mt19937 rng(7);
    for (int r = 0; r < R; ++r)
      for (int c = 0; c < C; ++c)
        src.at(r, c) = randomBits<From>(rng, r * C + c);
    for (pto::RoundMode mode :
         {pto::RoundMode::CAST_NONE, pto::RoundMode::CAST_RINT, pto::RoundMode::CAST_ROUND,
          pto::RoundMode::CAST_FLOOR, pto::RoundMode::CAST_CEIL, pto::RoundMode::CAST_TRUNC,
          pto::RoundMode::CAST_ODD}) {
      for (int sat = 0; sat < 3; ++sat) {
        if (sat == 0)
          TCVT(dst, src, mode);
        else
          TCVT(dst, src, mode, sat == 1 ? SaturationMode::ON : SaturationMode::OFF);
        To expected[R * C];
        tilec::Saturation s = sat == 0   ? tilec::Saturation::Default
                              : sat == 1 ? tilec::Saturation::On
                                         : tilec::Saturation::Off;
        tilec::convert(dtypeOf<From>, src.data(), dtypeOf<To>, expected, R * C,
                       toRoundMode(mode), s);
        for (int e = 0; e < R * C; ++e)
          ASSERT_EQ(std::memcmp(&dst.data()[e], &expected[e], sizeof(To)), 0)
              << name(dtypeOf<From>) << "->" << name(dtypeOf<To>) << " mode "
              << int(mode) << " sat " << sat << " element " << e;
      }
    }
  }
};

TEST_F(Cast, F32) {
  checkPair<float, bfloat16_t>();
  checkPair<float, half>();
  checkPair<float, int32_t>();
  checkPair<float, int16_t>();
  checkPair<float, int64_t>();
}
TEST_F(Cast, F16) {
  checkPair<half, float>();
  checkPair<half, int32_t>();
  checkPair<half, int16_t>();
  checkPair<half, int8_t>();
  checkPair<half, uint8_t>();
}
TEST_F(Cast, Bf16) {
  checkPair<bfloat16_t, float>();
  checkPair<bfloat16_t, int32_t>();
}
TEST_F(Cast, Integers) {
  checkPair<int32_t, float>();
  checkPair<int32_t, half>();
  checkPair<int32_t, int16_t>();
  checkPair<int32_t, int64_t>();
  checkPair<int8_t, half>();
  checkPair<int16_t, float>();
}

TEST_F(Cast, QuantisationChainIsExact) {
  // f32 -(RINT)-> i32 -> f16 -(TRUNC)-> i8, the a2a3 INT8 path.
  using F = Tile<TileType::Vec, float, 1, 8>;
  using I = Tile<TileType::Vec, int32_t, 1, 8>;
  using H = Tile<TileType::Vec, half, 1, 16, BLayout::RowMajor, 1, 8>;
  using Q = Tile<TileType::Vec, int8_t, 1, 32, BLayout::RowMajor, 1, 8>;
  F f;
  I i;
  H h;
  Q q;
  TASSIGN(f, 0);
  TASSIGN(i, 64);
  TASSIGN(h, 128);
  TASSIGN(q, 192);
  const float in[8] = {-127.4f, -2.5f, -0.5f, 0.5f, 1.5f, 2.5f, 126.6f, 127.0f};
  const int8_t want[8] = {-127, -2, 0, 0, 2, 2, 127, 127};
  for (int c = 0; c < 8; ++c)
    f.at(0, c) = in[c];
  TCVT(i, f, pto::RoundMode::CAST_RINT);
  TCVT(h, i, pto::RoundMode::CAST_NONE);
  TCVT(q, h, pto::RoundMode::CAST_TRUNC);
  for (int c = 0; c < 8; ++c)
    EXPECT_EQ(q.at(0, c), want[c]) << c;
}

} // namespace
} // namespace tilec::isa::testing
