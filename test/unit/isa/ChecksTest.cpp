// Every check the NPU would fail on fires on a crafted bad sequence, names
// the instruction and buffer, and correct sequences pass.
#include "test/unit/isa/IsaTestSupport.h"

namespace tilec::isa::testing {
namespace {
using namespace pto;

using Vec = Tile<TileType::Vec, float, 16, 16>;
using Gm = GlobalTensor<float, Shape<1, 1, 1, 16, 16>, Stride<256, 256, 256, 16, 1>>;

class Checks : public IsaTest {};

TEST_F(Checks, ReadAfterLoadWithoutFlagIsAHazard) {
  auto &x = gmTensor<float>(256, "x");
  Gm gx(x.data());
  Vec a, b;
  TASSIGN(a, 0);
  TASSIGN(b, 1024);
  TLOAD(a, gx);
  EXPECT_MODEL_ERROR(TADD(b, a, a),
                     "kernel 'test' block 0/1, instruction #2 TADD (pipe V): "
                     "hazard on src0 UB[0x0, 0x400): this instruction reads it "
                     "while pipe MTE2 may still be writing it (instruction #1 "
                     "TLOAD); order them with set_flag(PIPE_MTE2, PIPE_V, e)");
}

TEST_F(Checks, FlagsOrderThePipes) {
  auto &x = gmTensor<float>(256, "x");
  auto &y = gmTensor<float>(256, "y");
  Gm gx(x.data()), gy(y.data());
  Vec a, b;
  TASSIGN(a, 0);
  TASSIGN(b, 1024);
  TLOAD(a, gx);
  set_flag(PIPE_MTE2, PIPE_V, EVENT_ID0);
  wait_flag(PIPE_MTE2, PIPE_V, EVENT_ID0);
  TADD(b, a, a);
  set_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
  wait_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
  TSTORE(gy, b);
  // Reloading `a` only needs V to be done with it; V's flag to MTE3 does
  // not cover MTE2, so the reload still needs V -> MTE2.
  EXPECT_MODEL_ERROR(TLOAD(a, gx), "pipe V may still be reading it");
}

TEST_F(Checks, SyncIsTransitive) {
  auto &x = gmTensor<float>(256, "x");
  Gm gx(x.data());
  Vec a, b;
  TASSIGN(a, 0);
  TASSIGN(b, 1024);
  TLOAD(a, gx);
  set_flag(PIPE_MTE2, PIPE_S, EVENT_ID0);
  wait_flag(PIPE_MTE2, PIPE_S, EVENT_ID0);
  set_flag(PIPE_S, PIPE_V, EVENT_ID0);
  wait_flag(PIPE_S, PIPE_V, EVENT_ID0);
  TADD(b, a, a); // MTE2 -> S -> V orders the load before the add
}

TEST_F(Checks, OverwriteWhileStoreReadsIsAHazard) {
  auto &y = gmTensor<float>(256, "y");
  Gm gy(y.data());
  Vec a;
  TASSIGN(a, 0);
  TEXPANDS(a, 1.0f);
  set_flag(PIPE_V, PIPE_MTE3, EVENT_ID1);
  wait_flag(PIPE_V, PIPE_MTE3, EVENT_ID1);
  TSTORE(gy, a);
  EXPECT_MODEL_ERROR(TEXPANDS(a, 2.0f), "while pipe MTE3 may still be reading it");
}

TEST_F(Checks, GmWriteThenReadNeedsAFlag) {
  auto &y = gmTensor<float>(256, "y");
  Gm gy(y.data());
  Vec a, b;
  TASSIGN(a, 0);
  TASSIGN(b, 1024);
  TEXPANDS(a, 1.0f);
  set_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
  wait_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
  TSTORE(gy, a);
  EXPECT_MODEL_ERROR(TLOAD(b, gy), "hazard on src GM tensor 'y' bytes [0, 1024)");
}

TEST_F(Checks, WaitWithoutSetWouldHang) {
  EXPECT_MODEL_ERROR(wait_flag(PIPE_MTE2, PIPE_V, EVENT_ID3),
                     "wait_flag(PIPE_MTE2, PIPE_V, 3) with no earlier set_flag");
}

TEST_F(Checks, SetTwiceWithoutWait) {
  set_flag(PIPE_V, PIPE_MTE3, EVENT_ID2);
  EXPECT_MODEL_ERROR(set_flag(PIPE_V, PIPE_MTE3, EVENT_ID2),
                     "has not been waited for");
}

TEST_F(Checks, EventIdOutOfRange) {
  EXPECT_MODEL_ERROR(set_flag(PIPE_V, PIPE_MTE3, 8), "event id 8 out of range [0, 8)");
}

TEST_F(Checks, MisalignedTile) {
  Vec a;
  EXPECT_MODEL_ERROR(TASSIGN(a, 16),
                     "TASSIGN of Vec f32 16x16 tile at UB address 16: address "
                     "is not 32-byte aligned");
}

TEST_F(Checks, TileBeyondCapacity) {
  Vec a;
  EXPECT_MODEL_ERROR(TASSIGN(a, 192 * 1024 - 512),
                     "needs bytes [196096, 197120) but UB has 196608 bytes");
  TileAcc<float, 128, 256> acc; // 128 KiB: exactly L0C on a2a3
  TASSIGN(acc, 0);
  TileAcc<float, 256, 256> tooBig;
  EXPECT_MODEL_ERROR(TASSIGN(tooBig, 0), "but L0C has 131072 bytes");
}

TEST_F(Checks, TileUsedBeforeAssign) {
  Vec a, b;
  TASSIGN(b, 0);
  EXPECT_MODEL_ERROR(TADD(b, a, b), "src0 Vec f32 16x16 tile used before TASSIGN");
}

TEST_F(Checks, GmOutOfBounds) {
  auto &x = gmTensor<float>(200, "x");
  Gm gx(x.data());
  Vec a;
  TASSIGN(a, 0);
  EXPECT_MODEL_ERROR(TLOAD(a, gx),
                     "src GlobalTensor view of 1024 bytes runs past the end of "
                     "GM tensor 'x' (view bytes [0, 1024), tensor has 800 bytes)");
  float stray[256];
  Gm gs(stray);
  EXPECT_MODEL_ERROR(TLOAD(a, gs), "does not start inside any GM tensor");
}

TEST_F(Checks, ShapeMismatchBetweenViewAndTile) {
  auto &x = gmTensor<float>(256, "x");
  using Gm8 = GlobalTensor<float, Shape<1, 1, 1, 8, 16>, Stride<1, 1, 1, 16, 1>>;
  Gm8 gx(x.data());
  Vec a;
  TASSIGN(a, 0);
  EXPECT_MODEL_ERROR(TLOAD(a, gx), "GM view is 8x16 but the dst tile's valid region is 16x16");
}

TEST_F(Checks, UnsupportedConversion) {
  using F = Tile<TileType::Vec, float, 16, 32>;
  using I8 = Tile<TileType::Vec, int8_t, 16, 32>;
  F f;
  I8 i;
  TASSIGN(f, 0);
  TASSIGN(i, 4096);
  EXPECT_MODEL_ERROR(TCVT(i, f, pto::RoundMode::CAST_RINT),
                     "TCVT f32 -> i8 is not supported on a2a3");
}

TEST_F(Checks, Bf16ArithmeticOnA2A3) {
  using B = Tile<TileType::Vec, bfloat16_t, 16, 16>;
  B a;
  TASSIGN(a, 0);
  EXPECT_MODEL_ERROR(TADD(a, a, a), "bf16 vector arithmetic is not supported on a2a3");
}

TEST_F(Checks, MatmulDimensions) {
  TileLeft<bfloat16_t, 16, 16, 16, DYNAMIC> a(16, 0);
  TileRight<bfloat16_t, 16, 16> b;
  TileAcc<float, 16, 16> c;
  TASSIGN(a, 0);
  TASSIGN(b, 0);
  TASSIGN(c, 0);
  EXPECT_MODEL_ERROR(TMATMUL(c, a, b), "m, k, n = 16, 0, 16 must each be in [1, 4095]");
}

// A row reduction's tmp holds what the a2a3 instruction writes: for 512 f32
// columns (8 repeats) the 4 pairwise sums of its repeats, 256 columns.
TEST_F(Checks, RowReductionTmpHoldsWhatA2a3Writes) {
  using Src = Tile<TileType::Vec, float, 8, 512>;
  using Half = Tile<TileType::Vec, float, 8, 256>;
  using Quarter = Tile<TileType::Vec, float, 8, 128>;
  using Sum = Tile<TileType::Vec, float, 8, 1, BLayout::ColMajor>;
  Src src;
  Half half;
  Quarter quarter;
  Sum sum;
  TASSIGN(src, 0);
  TASSIGN(half, 16384);
  TASSIGN(quarter, 24576);
  TASSIGN(sum, 28672);
  TROWSUM(sum, src, half);
  EXPECT_MODEL_ERROR(TROWSUM(sum, src, quarter),
                     "the tmp tile is 8x128, but a2a3 writes 8x256 of it for a row "
                     "reduction of 512 columns");
}

class CubeCoreChecks : public IsaTest {
protected:
  CubeCoreChecks() : IsaTest(CoreKind::Cube) {}
};

TEST_F(CubeCoreChecks, CubeCoreHasNoUnifiedBuffer) {
  Vec a;
  EXPECT_MODEL_ERROR(TASSIGN(a, 0), "this core has no UB");
}

TEST(ChecksWithoutCore, NoBoundCore) {
  EXPECT_THROW(set_flag(PIPE_V, PIPE_MTE3, EVENT_ID0), ModelError);
}

} // namespace
} // namespace tilec::isa::testing
