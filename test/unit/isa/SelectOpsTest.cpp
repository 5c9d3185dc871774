// TCMP/TCMPS, TSEL/TSELS and TCI against references written from their
// definitions: a mask bit per element, row r of the mask for row r of the
// source, element c in bit c % 8 of byte c / 8.
#include "test/unit/isa/IsaTestSupport.h"

#include <cmath>
#include <limits>

namespace tilec::isa::testing {
namespace {
using namespace pto;

// 3 × 13 valid of 4 × 16: the mask's rows are 2 bytes, its tile 32 bytes wide.
using F32 = Tile<TileType::Vec, float, 4, 16, BLayout::RowMajor, 3, 13>;
using I32 = Tile<TileType::Vec, int32_t, 4, 16, BLayout::RowMajor, 3, 13>;
using Mask = Tile<TileType::Vec, uint8_t, 4, 32, BLayout::RowMajor, 3, 2>;
using Word = Tile<TileType::Vec, uint32_t, 1, 16>;
using Block = Tile<TileType::Vec, float, 1, 8>;

bool bit(const Mask &m, int r, int c) { return (m.at(r, c / 8) >> (c % 8)) & 1; }

class SelectOps : public IsaTest {
protected:
  SelectOps(const char *target = "a2a3") : IsaTest(CoreKind::Mixed, target) {}
};
class SelectOpsA5 : public SelectOps {
protected:
  SelectOpsA5() : SelectOps("a5") {}
};

const float kNaN = std::numeric_limits<float>::quiet_NaN();

void fillPattern(F32 &a, F32 &b) {
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 16; ++c) {
      a.at(r, c) = float((r * 7 + c * 3) % 5) - 2.0f;
      b.at(r, c) = float((r + c) % 4) - 1.5f + (c % 3 == 0 ? 0.5f : 0.0f);
    }
  a.at(1, 4) = kNaN;
}

TEST_F(SelectOps, CompareTilesEveryMode) {
  F32 a, b;
  Mask m;
  TASSIGN(a, 0);
  TASSIGN(b, 256);
  TASSIGN(m, 512);
  fillPattern(a, b);
  const std::pair<CmpMode, bool (*)(float, float)> modes[] = {
      {CmpMode::EQ, [](float x, float y) { return x == y; }},
      {CmpMode::NE, [](float x, float y) { return x != y; }},
      {CmpMode::LT, [](float x, float y) { return x < y; }},
      {CmpMode::LE, [](float x, float y) { return x <= y; }},
      {CmpMode::GT, [](float x, float y) { return x > y; }},
      {CmpMode::GE, [](float x, float y) { return x >= y; }}};
  for (auto [mode, ref] : modes) {
    for (int r = 0; r < 4; ++r)
      for (int c = 0; c < 32; ++c)
        m.at(r, c) = 0xff; // stale bits must be cleared
    TCMP(m, a, b, mode);
    for (int r = 0; r < 3; ++r) {
      for (int c = 0; c < 13; ++c)
        EXPECT_EQ(bit(m, r, c), ref(a.at(r, c), b.at(r, c))) << int(mode) << " " << r << "," << c;
      for (int c = 13; c < 16; ++c)
        EXPECT_FALSE(bit(m, r, c)) << "a bit past the valid columns";
    }
  }
}

TEST_F(SelectOps, CompareScalarAndSelect) {
  F32 a, b, d;
  Mask m;
  Word w;
  Block s;
  TASSIGN(a, 0);
  TASSIGN(b, 256);
  TASSIGN(d, 512);
  TASSIGN(m, 768);
  TASSIGN(w, 896);
  TASSIGN(s, 960);
  fillPattern(a, b);
  TCMPS(m, a, 0.0f, CmpMode::GT);
  TSEL(d, m, a, b, w);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 13; ++c) {
      float x = a.at(r, c);
      EXPECT_EQ(bit(m, r, c), x > 0.0f);
      EXPECT_EQ(d.at(r, c), x > 0.0f ? x : b.at(r, c));
    }
  TSELS(d, m, a, s, -7.5f);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 13; ++c)
      EXPECT_EQ(d.at(r, c), a.at(r, c) > 0.0f ? a.at(r, c) : -7.5f);
}

TEST_F(SelectOps, A2A3ComparesI32OnlyForEquality) {
  I32 a, b;
  Mask m;
  TASSIGN(a, 0);
  TASSIGN(b, 256);
  TASSIGN(m, 512);
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 16; ++c) {
      a.at(r, c) = c % 3 ? std::numeric_limits<int32_t>::max() - c : c;
      b.at(r, c) = c;
    }
  TCMP(m, a, b, CmpMode::EQ);
  for (int c = 0; c < 13; ++c)
    EXPECT_EQ(bit(m, 2, c), c % 3 == 0);
  EXPECT_MODEL_ERROR(TCMP(m, a, b, CmpMode::LT), "compares int32_t only for equality");
  EXPECT_MODEL_ERROR(TCMPS(m, a, 3, CmpMode::GE), "compares int32_t only for equality");
}

TEST_F(SelectOpsA5, OrdersI32) {
  I32 a;
  Mask m;
  TASSIGN(a, 0);
  TASSIGN(m, 256);
  for (int c = 0; c < 16; ++c)
    for (int r = 0; r < 4; ++r)
      a.at(r, c) = c - 6;
  TCMPS(m, a, 0, CmpMode::LT);
  for (int c = 0; c < 13; ++c)
    EXPECT_EQ(bit(m, 1, c), c < 6);
}

TEST_F(SelectOps, MaskMustCoverTheSource) {
  using Short = Tile<TileType::Vec, uint8_t, 2, 32, BLayout::RowMajor, 2, 2>;
  F32 a, b;
  Short m;
  TASSIGN(a, 0);
  TASSIGN(b, 256);
  TASSIGN(m, 512);
  EXPECT_MODEL_ERROR(TCMP(m, a, b, CmpMode::EQ), "does not cover 3x13 elements");
}

TEST_F(SelectOps, CountsColumns) {
  using Row = Tile<TileType::Vec, int32_t, 1, 64, BLayout::RowMajor, 1, 40>;
  Row t;
  TASSIGN(t, 0);
  TCI<Row, int32_t, 0>(t, 24);
  for (int j = 0; j < 40; ++j)
    EXPECT_EQ(t.at(0, j), 24 + j);
  TCI<Row, int32_t, 1>(t, 5);
  EXPECT_EQ(t.at(0, 39), 5 - 39);
}

} // namespace
} // namespace tilec::isa::testing
