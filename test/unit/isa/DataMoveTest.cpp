// TLOAD/TSTORE/TMOV/TEXTRACT move the right elements into the right
// layout positions.
#include "test/unit/isa/IsaTestSupport.h"

namespace tilec::isa::testing {
namespace {
using namespace pto;

class DataMove : public IsaTest {
protected:
  void sync(pipe_t from, pipe_t to) {
    set_flag(from, to, EVENT_ID0);
    wait_flag(from, to, EVENT_ID0);
  }
};

TEST_F(DataMove, LoadRepacksNdIntoNz) {
  auto &x = gmTensor<bfloat16_t>(32 * 48, "x");
  for (int i = 0; i < 32 * 48; ++i)
    x[i] = bfloat16_t::fromBits(uint16_t(i));
  using G = GlobalTensor<bfloat16_t, Shape<1, 1, 1, 32, 48>, Stride<1, 1, 1, 48, 1>>;
  using Nz = Tile<TileType::Mat, bfloat16_t, 32, 48, BLayout::ColMajor, 32, 48, SLayout::RowMajor>;
  G gx(x.data());
  Nz t;
  TASSIGN(t, 0);
  TLOAD(t, gx);
  // NZ: 16 x 16 fractals ordered down the columns first, rows inside.
  const uint16_t *raw = reinterpret_cast<const uint16_t *>(t.data());
  for (int r = 0; r < 32; ++r)
    for (int c = 0; c < 48; ++c) {
      size_t fractal = size_t(c / 16) * 2 + r / 16;
      size_t off = fractal * 256 + (r % 16) * 16 + c % 16;
      ASSERT_EQ(raw[off], r * 48 + c) << r << "," << c;
    }
}

TEST_F(DataMove, LoadWalksFiveDimensionalViews) {
  // A [2, 3, 8] tensor viewed as 6 rows of 8, taking every other batch row.
  auto &x = gmTensor<float>(2 * 6 * 8, "x");
  for (int i = 0; i < 96; ++i)
    x[i] = float(i);
  using G = GlobalTensor<float, Shape<1, 1, 2, 3, 8>, Stride<1, 1, 48, 16, 1>>;
  using T = Tile<TileType::Vec, float, 6, 8>;
  G gx(x.data());
  T t;
  TASSIGN(t, 0);
  TLOAD(t, gx);
  for (int r = 0; r < 6; ++r)
    EXPECT_EQ(t.at(r, 3), float((r / 3) * 48 + (r % 3) * 16 + 3));
}

TEST_F(DataMove, ColumnMajorTileFromDnView) {
  auto &x = gmTensor<float>(8 * 4, "x");
  for (int i = 0; i < 32; ++i)
    x[i] = float(i);
  // A column-major 8 x 4 matrix: element (r, c) at c * 8 + r.
  using G = GlobalTensor<float, Shape<1, 1, 1, 8, 4>, Stride<1, 1, 1, 1, 8>, Layout::DN>;
  using T = Tile<TileType::Vec, float, 8, 4, BLayout::ColMajor>;
  G gx(x.data());
  T t;
  TASSIGN(t, 0);
  TLOAD(t, gx);
  EXPECT_EQ(t.at(5, 2), float(2 * 8 + 5));
  EXPECT_EQ(t.data()[2 * 8 + 5], float(2 * 8 + 5));
}

// The cube's transposed B: the [40, 24] window of a row-major Bᵀ seen through
// a DN view is the [24, 40] B, stored as ZN fractals (C0 x 16, column-major
// inside, in row-major order) that TMOV copies into L0B unchanged.
TEST_F(DataMove, DnViewFillsZnMatTileAndRight) {
  auto &bt = gmTensor<half>(40 * 32, "bt");
  for (int i = 0; i < 40 * 32; ++i)
    bt[i] = half(float(i % 1000));
  using G = GlobalTensor<half, Shape<1, 1, 1, 24, 40>, Stride<1, 1, 1, 1, 32>, Layout::DN>;
  using Zn = Tile<TileType::Mat, half, 32, 48, BLayout::RowMajor, 24, 40, SLayout::ColMajor>;
  using Right = TileRight<half, 32, 48, 24, 40>;
  G view(bt.data() + 4); // Bᵀ rows 0.., columns 4..
  Zn b;
  Right r;
  TASSIGN(b, 0);
  TASSIGN(r, 0);
  TLOAD(b, view);
  sync(PIPE_MTE2, PIPE_MTE1);
  TMOV(r, b);
  for (int k = 0; k < 24; ++k)
    for (int n = 0; n < 40; ++n) {
      ASSERT_EQ(float(b.at(k, n)), float((n * 32 + 4 + k) % 1000)) << k << "," << n;
      ASSERT_EQ(float(r.at(k, n)), float(b.at(k, n))) << k << "," << n;
    }
}

TEST_F(DataMove, AccStoreCastsToBf16) {
  auto &y = gmTensor<bfloat16_t>(16 * 16, "y");
  using G = GlobalTensor<bfloat16_t, Shape<1, 1, 1, 16, 16>, Stride<1, 1, 1, 16, 1>>;
  TileAcc<float, 16, 16> acc;
  TASSIGN(acc, 0);
  for (int r = 0; r < 16; ++r)
    for (int c = 0; c < 16; ++c)
      acc.at(r, c) = 1.0f + float(r * 16 + c) / 1024.0f + 1e-4f;
  G gy(y.data());
  TSTORE(gy, acc);
  for (int r = 0; r < 16; ++r)
    for (int c = 0; c < 16; ++c)
      EXPECT_EQ(y[r * 16 + c].bits, f32ToBf16(acc.at(r, c)).bits);
}

TEST_F(DataMove, AtomicAddStore) {
  auto &y = gmTensor<float>(8 * 8, "y");
  for (auto &v : y)
    v = 1.0f;
  using G = GlobalTensor<float, Shape<1, 1, 1, 8, 8>, Stride<1, 1, 1, 8, 1>>;
  using T = Tile<TileType::Vec, float, 8, 8>;
  T t;
  TASSIGN(t, 0);
  TEXPANDS(t, 2.5f);
  sync(PIPE_V, PIPE_MTE3);
  G gy(y.data());
  TSTORE<T, G, AtomicType::AtomicAdd>(gy, t);
  EXPECT_EQ(y[63], 3.5f);
}

TEST_F(DataMove, ExtractWindowIntoLeftAndRight) {
  using Mat = Tile<TileType::Mat, half, 64, 64, BLayout::ColMajor, 64, 64, SLayout::RowMajor>;
  Mat m;
  TileLeft<half, 32, 16> left;
  TileRight<half, 16, 32> right;
  TASSIGN(m, 0);
  TASSIGN(left, 0);
  TASSIGN(right, 0);
  for (int r = 0; r < 64; ++r)
    for (int c = 0; c < 64; ++c)
      m.at(r, c) = f32ToF16(float(r * 64 + c));
  TEXTRACT(left, m, 16, 32);
  TEXTRACT(right, m, 48, 16);
  for (int r = 0; r < 32; ++r)
    for (int c = 0; c < 16; ++c)
      ASSERT_EQ(left.at(r, c).bits, m.at(16 + r, 32 + c).bits);
  for (int r = 0; r < 16; ++r)
    for (int c = 0; c < 32; ++c)
      ASSERT_EQ(right.at(r, c).bits, m.at(48 + r, 16 + c).bits);
  TileLeft<half, 32, 32> tooBig;
  TASSIGN(tooBig, 4096);
  EXPECT_MODEL_ERROR(TEXTRACT(tooBig, m, 48, 0), "exceeds the 64x64 source tile");
}

TEST_F(DataMove, UbWindowsOutAndBackIn) {
  Tile<TileType::Vec, float, 2, 64> row;
  Tile<TileType::Vec, float, 2, 16> tail;
  TASSIGN(row, 0);
  TASSIGN(tail, 1024);
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 64; ++c)
      row.at(r, c) = float(r * 64 + c);
  TEXTRACT(tail, row, 0, 48);
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 16; ++c) {
      ASSERT_EQ(tail.at(r, c), float(r * 64 + 48 + c));
      tail.at(r, c) = -tail.at(r, c);
    }
  TINSERT(row, tail, 0, 32);
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 64; ++c) {
      float original = float(r * 64 + c);
      float expected = c >= 32 && c < 48 ? -float(r * 64 + 16 + c) : original;
      ASSERT_EQ(row.at(r, c), expected) << r << ", " << c;
    }
  EXPECT_MODEL_ERROR(TINSERT(row, tail, 0, 56), "exceeds the 2x64 destination tile");
  // a2a3 moves UB windows in 32-byte blocks: column 44 of f32 is not one.
  EXPECT_MODEL_ERROR(TINSERT(row, tail, 0, 44),
                     "a UB window's column offset must be 32-byte aligned: column 44");
  EXPECT_MODEL_ERROR(TEXTRACT(tail, row, 0, 4),
                     "a UB window's column offset must be 32-byte aligned: column 4");
  // A single element may sit anywhere.
  Tile<TileType::Vec, float, 1, 8, BLayout::RowMajor, 1, 1> one;
  TASSIGN(one, 2048);
  TEXTRACT(one, row, 1, 5);
  EXPECT_EQ(one.at(0, 0), float(64 + 5));
}

TEST_F(DataMove, AccToMatCastsAndA5PathsAreRejectedOnA2A3) {
  TileAcc<float, 16, 16> acc;
  Tile<TileType::Mat, half, 16, 16, BLayout::ColMajor, 16, 16, SLayout::RowMajor> mat;
  Tile<TileType::Vec, float, 16, 16> vec;
  TASSIGN(acc, 0);
  TASSIGN(mat, 0);
  TASSIGN(vec, 0);
  acc.at(3, 4) = 1.0f / 3.0f;
  TMOV(mat, acc);
  EXPECT_EQ(mat.at(3, 4).bits, f32ToF16(1.0f / 3.0f).bits);
  EXPECT_MODEL_ERROR(TMOV(vec, acc), "data path L0C->UB does not exist on a2a3");
}

} // namespace
} // namespace tilec::isa::testing
