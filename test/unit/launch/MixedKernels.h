// Hand-written mixed-launch kernels for the launcher tests: each block's AIC
// multiplies `items` 16 x 16 f16 row blocks of x by a 16 x 16 identity and
// TPUSHes each f32 product into a TPipe ring of `Slots` GM slots; each of
// the block's two AIVs TPOPs its 8-row half of every slot, doubles it and
// scales it by 1 `extraMuls` more times (to make the consumer slower), and
// stores it into y, so y = 2 x.
//
// gm: x (blocks * items * 256 f16), b (256 f16, the identity), ring
// (blocks * Slots * 1 KiB), y (blocks * items * 256 f32).
// scalars: items, extraMuls, extraPops (pops the AIVs try beyond `items`).
#pragma once

#include "runtime/isa/Isa.h"

namespace tilec::launch::testing {

constexpr int kRows = 16, kCols = 16;
constexpr uint32_t kSlotBytes = kRows * kCols * sizeof(float);

template <uint32_t Slots> using TestPipe = pto::TPipe<0, pto::DIR_C2V, kSlotBytes, Slots>;

template <uint32_t Slots>
void cubeProducer(isa::CoreContext *core, void *const *gm, const int64_t *scalars,
                  int32_t block, int32_t blocks) {
  using namespace pto;
  isa::BindCore bind(*core, block, blocks);
  using View = GlobalTensor<half, Shape<1, 1, 1, kRows, kCols>, Stride<1, 1, 1, kCols, 1>>;
  using Mat = Tile<TileType::Mat, half, kRows, kCols, BLayout::ColMajor, kRows, kCols,
                   SLayout::RowMajor>;
  const int items = int(scalars[0]);
  half *x = static_cast<half *>(gm[0]) + size_t(block) * items * kRows * kCols;
  TestPipe<Slots> pipe(static_cast<std::byte *>(gm[2]) + size_t(block) * Slots * kSlotBytes,
                       0, 0);
  Mat l1a, l1b;
  TileLeft<half, kRows, kCols> l0a;
  TileRight<half, kRows, kCols> l0b;
  TileAcc<float, kRows, kCols> acc;
  TASSIGN(l1a, 0);
  TASSIGN(l1b, 0x1000);
  TASSIGN(l0a, 0);
  TASSIGN(l0b, 0);
  TASSIGN(acc, 0);
  View b(static_cast<half *>(gm[1]));
  TLOAD(l1b, b);
  for (int i = 0; i < items; ++i) {
    View a(x + size_t(i) * kRows * kCols);
    TLOAD(l1a, a);
    set_flag(PIPE_MTE2, PIPE_MTE1, EVENT_ID0);
    wait_flag(PIPE_MTE2, PIPE_MTE1, EVENT_ID0);
    TMOV(l0a, l1a);
    TMOV(l0b, l1b);
    set_flag(PIPE_MTE1, PIPE_M, EVENT_ID0);
    wait_flag(PIPE_MTE1, PIPE_M, EVENT_ID0);
    TMATMUL(acc, l0a, l0b);
    set_flag(PIPE_M, PIPE_FIX, EVENT_ID0);
    wait_flag(PIPE_M, PIPE_FIX, EVENT_ID0);
    TPUSH<TestPipe<Slots>, decltype(acc), TILE_UP_DOWN>(pipe, acc);
    pipe_barrier(PIPE_ALL);
  }
}

template <uint32_t Slots>
void vectorConsumer(isa::CoreContext *core, void *const *gm, const int64_t *scalars,
                    int32_t block, int32_t blocks) {
  using namespace pto;
  isa::BindCore bind(*core, block, blocks);
  constexpr int kHalf = kRows / 2;
  using Half = Tile<TileType::Vec, float, kHalf, kCols>;
  using View = GlobalTensor<float, Shape<1, 1, 1, kHalf, kCols>, Stride<1, 1, 1, kCols, 1>>;
  const int items = int(scalars[0]), extraMuls = int(scalars[1]), pops = items + int(scalars[2]);
  float *y = static_cast<float *>(gm[3]) + size_t(block) * items * kRows * kCols +
             size_t(get_subblockid()) * kHalf * kCols;
  TestPipe<Slots> pipe(static_cast<std::byte *>(gm[2]) + size_t(block) * Slots * kSlotBytes,
                       0, 0);
  for (int i = 0; i < pops; ++i) {
    Half t;
    TPOP<TestPipe<Slots>, Half, TILE_UP_DOWN>(pipe, t);
    set_flag(PIPE_MTE2, PIPE_V, EVENT_ID0);
    wait_flag(PIPE_MTE2, PIPE_V, EVENT_ID0);
    TMULS(t, t, 2.0f);
    for (int k = 0; k < extraMuls; ++k)
      TMULS(t, t, 1.0f);
    set_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
    wait_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
    View out(y + size_t(i) * kRows * kCols);
    TSTORE(out, t);
    pipe_barrier(PIPE_ALL);
  }
}

} // namespace tilec::launch::testing
