// Each vector instruction against a scalar reference written from its
// definition, on small tiles with a partial valid region.
#include "test/unit/isa/IsaTestSupport.h"

#include <cmath>

namespace tilec::isa::testing {
namespace {
using namespace pto;

using F32 = Tile<TileType::Vec, float, 4, 16, BLayout::RowMajor, 3, 13>;
using F16 = Tile<TileType::Vec, half, 4, 16, BLayout::RowMajor, 3, 13>;
using I32 = Tile<TileType::Vec, int32_t, 4, 16, BLayout::RowMajor, 3, 13>;

template <typename TileT> void fill(TileT &t, float scale, float offset) {
  using T = typename TileT::DType;
  for (int r = 0; r < TileT::Rows; ++r)
    for (int c = 0; c < TileT::Cols; ++c)
      t.at(r, c) = store<T>(ComputeT<T>(scale * float(r * 16 + c) + offset));
}

class VectorOps : public IsaTest {};

TEST_F(VectorOps, BinaryF32) {
  F32 a, b, d;
  TASSIGN(a, 0);
  TASSIGN(b, 256);
  TASSIGN(d, 512);
  fill(a, 0.5f, -3.0f);
  fill(b, -0.25f, 7.0f);
  auto check = [&](auto op, auto ref) {
    op();
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 13; ++c)
        EXPECT_EQ(d.at(r, c), ref(a.at(r, c), b.at(r, c))) << r << "," << c;
  };
  check([&] { TADD(d, a, b); }, [](float x, float y) { return x + y; });
  check([&] { TSUB(d, a, b); }, [](float x, float y) { return x - y; });
  check([&] { TMUL(d, a, b); }, [](float x, float y) { return x * y; });
  check([&] { TDIV(d, a, b); }, [](float x, float y) { return x / y; });
  check([&] { TMAX(d, a, b); }, [](float x, float y) { return x > y ? x : y; });
  check([&] { TMIN(d, a, b); }, [](float x, float y) { return x < y ? x : y; });
}

TEST_F(VectorOps, ValidRegionOnlyIsWritten) {
  F32 a, d;
  TASSIGN(a, 0);
  TASSIGN(d, 256);
  fill(a, 1, 0);
  for (int c = 0; c < 16; ++c)
    d.at(3, c) = -1, d.at(0, 15) = -1;
  TADDS(d, a, 1.0f);
  EXPECT_EQ(d.at(0, 12), a.at(0, 12) + 1);
  EXPECT_EQ(d.at(0, 15), -1);
  EXPECT_EQ(d.at(3, 0), -1);
}

TEST_F(VectorOps, ScalarForms) {
  F32 a, d;
  TASSIGN(a, 0);
  TASSIGN(d, 256);
  fill(a, 0.75f, -5.0f);
  auto check = [&](auto op, auto ref) {
    op();
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 13; ++c)
        EXPECT_EQ(d.at(r, c), ref(a.at(r, c)));
  };
  check([&] { TADDS(d, a, 2.5f); }, [](float x) { return x + 2.5f; });
  check([&] { TSUBS(d, a, 2.5f); }, [](float x) { return x - 2.5f; });
  check([&] { TMULS(d, a, 3.0f); }, [](float x) { return x * 3.0f; });
  check([&] { TDIVS(d, a, 3.0f); }, [](float x) { return x / 3.0f; });
  check([&] { TDIVS(d, 3.0f, a); }, [](float x) { return 3.0f / x; });
  check([&] { TMAXS(d, a, 0.0f); }, [](float x) { return x > 0 ? x : 0.0f; });
  check([&] { TMINS(d, a, 0.0f); }, [](float x) { return x < 0 ? x : 0.0f; });
}

TEST_F(VectorOps, UnaryF32) {
  F32 a, d;
  TASSIGN(a, 0);
  TASSIGN(d, 256);
  fill(a, 0.125f, 0.5f);
  auto check = [&](auto op, auto ref) {
    op();
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 13; ++c)
        EXPECT_EQ(d.at(r, c), ref(a.at(r, c)));
  };
  check([&] { TEXP(d, a); }, [](float x) { return std::exp(x); });
  check([&] { TLOG(d, a); }, [](float x) { return std::log(x); });
  check([&] { TSQRT(d, a); }, [](float x) { return std::sqrt(x); });
  check([&] { TRSQRT(d, a); }, [](float x) { return 1.0f / std::sqrt(x); });
  check([&] { TRECIP(d, a); }, [](float x) { return 1.0f / x; });
  check([&] { TNEG(d, a); }, [](float x) { return -x; });
  check([&] { TABS(d, d); }, [](float x) { return std::fabs(-x); });
}

TEST_F(VectorOps, HalfRoundsEachResultToNearestEven) {
  F16 a, b, d;
  TASSIGN(a, 0);
  TASSIGN(b, 128);
  TASSIGN(d, 256);
  fill(a, 1.37f, 0.1f);
  fill(b, -0.011f, 3.3f);
  TMUL(d, a, b);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 13; ++c) {
      float exact = float(a.at(r, c)) * float(b.at(r, c));
      EXPECT_EQ(d.at(r, c).bits, f32ToF16(exact).bits);
    }
}

TEST_F(VectorOps, IntegerArithmeticWraps) {
  I32 a, b, d;
  TASSIGN(a, 0);
  TASSIGN(b, 256);
  TASSIGN(d, 512);
  fill(a, 1, 0);
  fill(b, 1, 1);
  a.at(0, 0) = INT32_MAX;
  TADD(d, a, b);
  EXPECT_EQ(d.at(0, 0), INT32_MIN);
  EXPECT_EQ(d.at(2, 12), a.at(2, 12) + b.at(2, 12));
  TDIV(d, b, b);
  EXPECT_EQ(d.at(1, 1), 1);
}

TEST_F(VectorOps, IntegerNegationWraps) {
  I32 a, d;
  TASSIGN(a, 0);
  TASSIGN(d, 256);
  fill(a, 1, -20);
  a.at(0, 0) = INT32_MIN;
  a.at(0, 1) = INT32_MAX;
  TNEG(d, a);
  EXPECT_EQ(d.at(0, 0), INT32_MIN);
  EXPECT_EQ(d.at(0, 1), -INT32_MAX);
  EXPECT_EQ(d.at(0, 2), 18);
  EXPECT_EQ(d.at(2, 12), -(2 * 16 + 12 - 20));
}

TEST_F(VectorOps, TexpandsFills) {
  F32 d;
  TASSIGN(d, 0);
  TEXPANDS(d, 1.5f);
  EXPECT_EQ(d.at(2, 12), 1.5f);
}

TEST_F(VectorOps, RowReductions) {
  using Src = Tile<TileType::Vec, float, 4, 128, BLayout::RowMajor, 3, 100>;
  using Col = Tile<TileType::Vec, float, 8, 1, BLayout::ColMajor, 3, 1>;
  using Nd = Tile<TileType::Vec, float, 4, 8, BLayout::RowMajor, 3, 1>;
  Src src, tmp;
  Col sum;
  Nd mx;
  TASSIGN(src, 0);
  TASSIGN(tmp, 2048);
  TASSIGN(sum, 4096);
  TASSIGN(mx, 4128);
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 128; ++c)
      src.at(r, c) = float((r * 7 + c * 13) % 17) - 8.0f + 0.25f * r;
  TROWSUM(sum, src, tmp);
  TROWMAX(mx, src, tmp);
  for (int r = 0; r < 3; ++r) {
    // Small integers-plus-quarters: every order of summation is exact.
    float s = 0, m = -INFINITY;
    for (int c = 0; c < 100; ++c)
      s += src.at(r, c), m = std::max(m, src.at(r, c));
    EXPECT_EQ(sum.at(r, 0), s);
    EXPECT_EQ(mx.at(r, 0), m);
  }
}

TEST_F(VectorOps, RowReductionFoldsLanesPairwise) {
  // 1e8 + 1 - 1e8 ... shows the documented order: 64 lanes, then a tree.
  using Src = Tile<TileType::Vec, float, 1, 128>;
  using Dst = Tile<TileType::Vec, float, 1, 8, BLayout::RowMajor, 1, 1>;
  Src src, tmp;
  Dst dst;
  TASSIGN(src, 0);
  TASSIGN(tmp, 512);
  TASSIGN(dst, 1024);
  for (int c = 0; c < 128; ++c)
    src.at(0, c) = 0;
  src.at(0, 0) = 1e8f;
  src.at(0, 1) = 1.0f;
  src.at(0, 64) = -1e8f;
  TROWSUM(dst, src, tmp);
  // Lane 0 holds 1e8 + (-1e8) = 0 before lane 1's 1 joins it.
  EXPECT_EQ(dst.at(0, 0), 1.0f);
}

// a2a3's float TROWSUM order over 256-byte repeats: pairs of repeats, then a
// binary tree of the pair sums; an odd last repeat and the tail join the
// first pair before the tree. Values are picked so that a sequential sum of
// the repeats gives 1 and the tree gives 0.
TEST_F(VectorOps, RowSumAddsRepeatsAsATree) {
  using Four = Tile<TileType::Vec, float, 1, 256>;
  using FiveAndTail = Tile<TileType::Vec, float, 1, 384, BLayout::RowMajor, 1, 321>;
  using Dst = Tile<TileType::Vec, float, 1, 8, BLayout::RowMajor, 1, 1>;
  Four four, fourTmp;
  FiveAndTail five, fiveTmp;
  Dst sumFour, sumFive;
  TASSIGN(four, 0);
  TASSIGN(fourTmp, 1024);
  TASSIGN(five, 2048);
  TASSIGN(fiveTmp, 4096);
  TASSIGN(sumFour, 6144);
  TASSIGN(sumFive, 6176);
  for (int c = 0; c < 256; ++c)
    four.at(0, c) = 0;
  for (int c = 0; c < 384; ++c)
    five.at(0, c) = 0;
  // Four repeats: (1e8 + 1) + (-1e8 + 1) = 1e8 + -1e8 = 0; in order, 1.
  four.at(0, 0) = 1e8f;
  four.at(0, 64) = 1.0f;
  four.at(0, 128) = -1e8f;
  four.at(0, 192) = 1.0f;
  // Five repeats and a one-lane tail: (1e8 + 0 + 0 + 1) + (-1e8 + 0) = 0.
  five.at(0, 0) = 1e8f;
  five.at(0, 128) = -1e8f;
  five.at(0, 320) = 1.0f;
  TROWSUM(sumFour, four, fourTmp);
  TROWSUM(sumFive, five, fiveTmp);
  EXPECT_EQ(sumFour.at(0, 0), 0.0f);
  EXPECT_EQ(sumFive.at(0, 0), 0.0f);
}

// TCOLSUM adds row after row into dst, which holds T: an f16 sum rounds
// after every row (2048 + 1 ties to 2048 twice; rounding once would give 2050).
TEST_F(VectorOps, HalfColumnSumRoundsEveryRow) {
  using Src = Tile<TileType::Vec, half, 3, 16>;
  using Row = Tile<TileType::Vec, half, 1, 16>;
  Src src;
  Row sum;
  TASSIGN(src, 0);
  TASSIGN(sum, 128);
  for (int c = 0; c < 16; ++c) {
    src.at(0, c) = store<half>(2048.0f);
    src.at(1, c) = store<half>(1.0f);
    src.at(2, c) = store<half>(1.0f);
  }
  TCOLSUM(sum, src);
  EXPECT_EQ(load(sum.at(0, 3)), 2048.0f);
}

TEST_F(VectorOps, RowAndColumnExpand) {
  using Full = Tile<TileType::Vec, float, 4, 16, BLayout::RowMajor, 3, 13>;
  using PerRow = Tile<TileType::Vec, float, 8, 1, BLayout::ColMajor, 3, 1>;
  using PerCol = Tile<TileType::Vec, float, 1, 16, BLayout::RowMajor, 1, 13>;
  Full a, d;
  PerRow pr;
  PerCol pc;
  TASSIGN(a, 0);
  TASSIGN(d, 256);
  TASSIGN(pr, 512);
  TASSIGN(pc, 544);
  fill(a, 0.5f, 1.0f);
  for (int r = 0; r < 3; ++r)
    pr.at(r, 0) = float(r + 2);
  for (int c = 0; c < 13; ++c)
    pc.at(0, c) = float(c) - 4.0f;
  auto checkRow = [&](auto op, auto ref) {
    op();
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 13; ++c)
        EXPECT_EQ(d.at(r, c), ref(a.at(r, c), pr.at(r, 0)));
  };
  checkRow([&] { TROWEXPANDMUL(d, a, pr); }, [](float x, float v) { return x * v; });
  checkRow([&] { TROWEXPANDADD(d, a, pr); }, [](float x, float v) { return x + v; });
  checkRow([&] { TROWEXPANDSUB(d, a, pr); }, [](float x, float v) { return x - v; });
  checkRow([&] { TROWEXPANDDIV(d, a, pr); }, [](float x, float v) { return x / v; });
  checkRow([&] { TROWEXPANDSUB(d, pr, a); }, [](float x, float v) { return v - x; });
  // The row-major form: one 32-byte block per row, used lane c % 8.
  using Block = Tile<TileType::Vec, float, 4, 8, BLayout::RowMajor, 3, 8>;
  Block blk;
  TASSIGN(blk, 640);
  for (int r = 0; r < 3; ++r)
    for (int l = 0; l < 8; ++l)
      blk.at(r, l) = float(r + 2) + (l == 5 ? 0.5f : 0.0f);
  TROWEXPANDMUL(d, a, blk);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 13; ++c)
      EXPECT_EQ(d.at(r, c), a.at(r, c) * blk.at(r, c % 8));
  TCOLEXPANDMUL(d, a, pc);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 13; ++c)
      EXPECT_EQ(d.at(r, c), a.at(r, c) * pc.at(0, c));
  TCOLEXPANDADD(d, a, pc);
  EXPECT_EQ(d.at(2, 5), a.at(2, 5) + pc.at(0, 5));
}

// pto-isa takes the per-row operand as a whole 32-byte block per row or as a
// DN column: a row-major [R, 1] tile (lanes 1-7 padding) is refused.
TEST_F(VectorOps, RowExpandRejectsARowMajorColumn) {
  using Full = Tile<TileType::Vec, float, 4, 16>;
  using Column = Tile<TileType::Vec, float, 4, 8, BLayout::RowMajor, 4, 1>;
  using Block = Tile<TileType::Vec, half, 4, 16, BLayout::RowMajor, 4, 8>;
  using FullHalf = Tile<TileType::Vec, half, 4, 16>;
  Full a, d;
  Column column;
  Block halfBlock;
  FullHalf h, hd;
  TASSIGN(a, 0);
  TASSIGN(d, 256);
  TASSIGN(column, 512);
  TASSIGN(halfBlock, 640);
  TASSIGN(h, 768);
  TASSIGN(hd, 896);
  EXPECT_MODEL_ERROR(TROWEXPANDMUL(d, a, column),
                     "the per-row operand src1 must be row-major with 8 valid columns");
  EXPECT_MODEL_ERROR(TROWEXPANDDIV(d, column, a), "found row-major 4x1");
  // A half block is 16 lanes: 8 valid columns are not the block.
  EXPECT_MODEL_ERROR(TROWEXPANDADD(hd, h, halfBlock),
                     "must be row-major with 16 valid columns");
  // The form with a tmp tile takes the DN column only.
  using FloatBlock = Tile<TileType::Vec, float, 4, 8>;
  FloatBlock block, tmp;
  TASSIGN(block, 1024);
  TASSIGN(tmp, 1152);
  EXPECT_MODEL_ERROR(TROWEXPANDMUL(d, a, block, tmp),
                     "with a tmp tile the per-row operand src1 must be col-major (DN)");
  using Dn = Tile<TileType::Vec, float, 8, 1, BLayout::ColMajor, 4, 1>;
  Dn dn;
  TASSIGN(dn, 1280);
  for (int r = 0; r < 4; ++r)
    dn.at(r, 0) = float(r) - 1.5f;
  TROWEXPANDMUL(d, a, dn, tmp);
  EXPECT_EQ(d.at(3, 7), a.at(3, 7) * 1.5f);
}

TEST_F(VectorOps, MaskGatherKeepsEvenOrOddColumns) {
  using Src = Tile<TileType::Vec, float, 2, 16>;
  using Half = Tile<TileType::Vec, float, 2, 8>;
  Src src;
  Half even, odd;
  TASSIGN(src, 0);
  TASSIGN(even, 128);
  TASSIGN(odd, 192);
  fill(src, 1, 0);
  TGATHER<Half, Src, MaskPattern::P0101>(even, src);
  TGATHER<Half, Src, MaskPattern::P1010>(odd, src);
  for (int r = 0; r < 2; ++r)
    for (int j = 0; j < 8; ++j) {
      EXPECT_EQ(even.at(r, j), src.at(r, 2 * j));
      EXPECT_EQ(odd.at(r, j), src.at(r, 2 * j + 1));
    }
}

// The RoPE re-interleave: rows (e_i; o_i) stacked in one tile become
// e0 o0 e1 o1 … through an index tile over the source's storage.
TEST_F(VectorOps, IndexGatherInterleavesStackedRows) {
  using Stacked = Tile<TileType::Vec, float, 4, 8>; // rows e0, o0, e1, o1
  using Out = Tile<TileType::Vec, float, 2, 16>;
  using Index = Tile<TileType::Vec, int32_t, 2, 16>;
  Stacked src;
  Out dst;
  Index index, tmp;
  TASSIGN(src, 0);
  TASSIGN(dst, 128);
  TASSIGN(index, 256);
  TASSIGN(tmp, 384);
  fill(src, 1, 0);
  for (int r = 0; r < 2; ++r)
    for (int j = 0; j < 8; ++j) {
      index.at(r, 2 * j) = (2 * r) * 8 + j;
      index.at(r, 2 * j + 1) = (2 * r + 1) * 8 + j;
    }
  TGATHER(dst, src, index, tmp);
  for (int r = 0; r < 2; ++r)
    for (int j = 0; j < 8; ++j) {
      EXPECT_EQ(dst.at(r, 2 * j), src.at(2 * r, j));
      EXPECT_EQ(dst.at(r, 2 * j + 1), src.at(2 * r + 1, j));
    }
  index.at(1, 3) = 32; // one past the source
  EXPECT_MODEL_ERROR(TGATHER(dst, src, index, tmp), "gather index 32 is outside the source tile");
  index.at(1, 3) = 1;
  using NarrowTmp = Tile<TileType::Vec, int32_t, 2, 16, BLayout::RowMajor, 2, 8>;
  NarrowTmp narrow;
  TASSIGN(narrow, 384);
  EXPECT_MODEL_ERROR(TGATHER(dst, src, index, narrow), "tmp must have the index tile's valid shape 2x16");
}

// TTRANS: the valid [3, 5] of a source into the valid [5, 3] of dst.
TEST_F(VectorOps, TransposeMirrorsTheValidRegion) {
  using Src = Tile<TileType::Vec, float, 3, 8, BLayout::RowMajor, 3, 5>;
  using Dst = Tile<TileType::Vec, float, 5, 8, BLayout::RowMajor, 5, 3>;
  Src src;
  Dst dst, tmp;
  TASSIGN(src, 0);
  TASSIGN(dst, 128);
  TASSIGN(tmp, 320);
  fill(src, 1, 0);
  TTRANS(dst, src, tmp);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 5; ++c)
      EXPECT_EQ(dst.at(c, r), src.at(r, c));
  using Wrong = Tile<TileType::Vec, float, 5, 8, BLayout::RowMajor, 5, 4>;
  Wrong wrong;
  TASSIGN(wrong, 512);
  EXPECT_MODEL_ERROR(TTRANS(wrong, src, tmp),
                     "the transpose of a 3x5 source is 5x3, but dst's valid region is 5x4");
}

TEST_F(VectorOps, RowMinColumnReductionsAndRowExpand) {
  using Src = Tile<TileType::Vec, float, 4, 16>;
  using Row = Tile<TileType::Vec, float, 1, 16>;
  using PerRow = Tile<TileType::Vec, float, 4, 8, BLayout::RowMajor, 4, 1>;
  Src src, tmp, wide;
  Row sum, mx, mn;
  PerRow rowMin;
  TASSIGN(src, 0);
  TASSIGN(tmp, 256);
  TASSIGN(wide, 512);
  TASSIGN(sum, 768);
  TASSIGN(mx, 832);
  TASSIGN(mn, 896);
  TASSIGN(rowMin, 960);
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 16; ++c)
      src.at(r, c) = float((r * 5 + c * 3) % 11) - 5.0f;
  TROWMIN(rowMin, src, tmp);
  TCOLSUM(sum, src);
  TCOLMAX(mx, src);
  TCOLMIN(mn, src);
  TROWEXPAND(wide, rowMin);
  for (int c = 0; c < 16; ++c) {
    float s = 0, hi = -INFINITY, lo = INFINITY;
    for (int r = 0; r < 4; ++r)
      s += src.at(r, c), hi = std::max(hi, src.at(r, c)), lo = std::min(lo, src.at(r, c));
    EXPECT_EQ(sum.at(0, c), s);
    EXPECT_EQ(mx.at(0, c), hi);
    EXPECT_EQ(mn.at(0, c), lo);
  }
  for (int r = 0; r < 4; ++r) {
    float lo = INFINITY;
    for (int c = 0; c < 16; ++c)
      lo = std::min(lo, src.at(r, c));
    EXPECT_EQ(rowMin.at(r, 0), lo);
    for (int c = 0; c < 16; ++c)
      EXPECT_EQ(wide.at(r, c), lo);
  }
}

TEST_F(VectorOps, TmovCopiesVecTiles) {
  F32 a, d;
  TASSIGN(a, 0);
  TASSIGN(d, 256);
  fill(a, 1, 0.5f);
  TMOV(d, a);
  EXPECT_EQ(d.at(2, 12), a.at(2, 12));
}

} // namespace
} // namespace tilec::isa::testing
