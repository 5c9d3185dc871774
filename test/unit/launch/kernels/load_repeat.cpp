// For the cycle-model aggregation: block b of task "load" issues b + 1 TLOADs
// of one 16 x 16 f32 tile (1 KiB each, MTE2 only). The kernel launches it
// with scalars[0] blocks, then with scalars[1] blocks. params: x (256 f32).
#include "runtime/isa/HostApi.h"
#include "runtime/isa/Isa.h"

using namespace pto;

extern "C" void tilec_task_load(tilec::isa::CoreContext *core, void *const *gm,
                                const int64_t *, int32_t block_idx, int32_t block_dim) {
  tilec::isa::BindCore bind(*core, block_idx, block_dim);
  using T = Tile<TileType::Vec, float, 16, 16>;
  using G = GlobalTensor<float, Shape<1, 1, 1, 16, 16>, Stride<1, 1, 1, 16, 1>>;
  G x(static_cast<float *>(gm[0]));
  T t;
  TASSIGN(t, 0x0);
  for (int i = 0; i <= block_idx; ++i)
    TLOAD(t, x);
}

extern "C" void tilec_kernel_load_repeat(tilec::runtime::HostApi *host, void *const *params,
                                         const int64_t *scalars) {
  for (int launch = 0; launch < 2; ++launch)
    host->launch("load", tilec_task_load, tilec::isa::CoreKind::Vector,
                 int32_t(scalars[launch]), params, 1, nullptr, 0);
}
