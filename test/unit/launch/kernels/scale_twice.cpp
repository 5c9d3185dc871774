// y = (s * s) * x in two launches through a GM scratch buffer. Each block of
// the task "scale" multiplies its 16 x 64 f32 rows by the f32 scalar s.
// params: x, y (blocks * 1024 f32 each); scalars: blocks, bits of s.
#include "runtime/isa/HostApi.h"
#include "runtime/isa/Isa.h"

#include <cstring>

using namespace pto;

extern "C" void tilec_task_scale(tilec::isa::CoreContext *core, void *const *gm,
                                 const int64_t *scalars, int32_t block_idx,
                                 int32_t block_dim) {
  tilec::isa::BindCore bind(*core, block_idx, block_dim);
  using T = Tile<TileType::Vec, float, 16, 64>;
  using G = GlobalTensor<float, Shape<1, 1, 1, 16, 64>, Stride<1, 1, 1, 64, 1>>;
  uint32_t bits = uint32_t(scalars[1]);
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

extern "C" void tilec_kernel_scale_twice(tilec::runtime::HostApi *host, void *const *params,
                                         const int64_t *scalars) {
  int32_t blocks = int32_t(scalars[0]);
  void *tmp = host->allocScratch(size_t(blocks) * 1024 * sizeof(float), "tmp");
  void *first[] = {params[0], tmp};
  host->launch("scale", tilec_task_scale, tilec::isa::CoreKind::Vector, blocks, first, 2,
               scalars, 2);
  void *second[] = {tmp, params[1]};
  host->launch("scale", tilec_task_scale, tilec::isa::CoreKind::Vector, blocks, second, 2,
               scalars, 2);
}
