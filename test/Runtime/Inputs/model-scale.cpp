// Hand-written C++ for model-scale.tile in the generated-code ABI: one AIV
// task, two blocks of 16 rows, y = x * s with s from the scalar's f32 bits.
// model-bad.cpp is the same kernel without the MTE2 -> V flag.
#include "runtime/isa/HostApi.h"
#include "runtime/isa/Isa.h"

#include <cstring>

using namespace pto;

extern "C" void tilec_task_scale_rows(tilec::isa::CoreContext *core, void *const *gm,
                                      const int64_t *scalars, int32_t block_idx,
                                      int32_t block_dim) {
  tilec::isa::BindCore bind(*core, block_idx, block_dim);
  using T = Tile<TileType::Vec, float, 16, 64>;
  using G = GlobalTensor<float, Shape<1, 1, 1, 16, 64>, Stride<1, 1, 1, 64, 1>>;
  uint32_t bits = uint32_t(scalars[0]);
  float s;
  std::memcpy(&s, &bits, sizeof s);
  G x(static_cast<float *>(gm[0]) + block_idx * 1024);
  G y(static_cast<float *>(gm[1]) + block_idx * 1024);
  T t;
  TASSIGN(t, 0x0);
  TLOAD(t, x);
  set_flag(PIPE_MTE2, PIPE_V, EVENT_ID0);
  wait_flag(PIPE_MTE2, PIPE_V, EVENT_ID0);
  TMULS(t, t, s);
  set_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
  wait_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
  TSTORE(y, t);
}

extern "C" void tilec_kernel_scale(tilec::runtime::HostApi *host, void *const *params,
                                   const int64_t *scalars) {
  host->launch("scale_rows", tilec_task_scale_rows, tilec::isa::CoreKind::Vector, 2, params, 2,
               scalars, 1);
}
