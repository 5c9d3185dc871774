// Kernels the model must reject, each with one defect.
// params: x (3 * 256 f32); scalars: none.
#include "runtime/isa/HostApi.h"
#include "runtime/isa/Isa.h"

using namespace pto;

using T = Tile<TileType::Vec, float, 16, 16>;
using G = GlobalTensor<float, Shape<1, 1, 1, 16, 16>, Stride<1, 1, 1, 16, 1>>;

/// Block b loads 256 floats from x[b * 240]: block 3 runs past the end of x.
extern "C" void tilec_task_load_block(tilec::isa::CoreContext *core, void *const *gm,
                                      const int64_t *, int32_t block_idx, int32_t block_dim) {
  tilec::isa::BindCore bind(*core, block_idx, block_dim);
  G x(static_cast<float *>(gm[0]) + block_idx * 240);
  T t;
  TASSIGN(t, 0x0);
  TLOAD(t, x);
}

extern "C" void tilec_kernel_out_of_bounds(tilec::runtime::HostApi *host, void *const *params,
                                           const int64_t *) {
  host->launch("load_block", tilec_task_load_block, tilec::isa::CoreKind::Vector, 4, params, 1,
               nullptr, 0);
}

/// Waits for an MTE2 -> V flag nobody set: the NPU would hang.
extern "C" void tilec_task_wait_unset(tilec::isa::CoreContext *core, void *const *gm,
                                      const int64_t *, int32_t block_idx, int32_t block_dim) {
  tilec::isa::BindCore bind(*core, block_idx, block_dim);
  G x(static_cast<float *>(gm[0]));
  T t;
  TASSIGN(t, 0x0);
  TLOAD(t, x);
  wait_flag(PIPE_MTE2, PIPE_V, EVENT_ID0);
  TADD(t, t, t);
}

extern "C" void tilec_kernel_missing_flag(tilec::runtime::HostApi *host, void *const *params,
                                          const int64_t *) {
  host->launch("wait_unset", tilec_task_wait_unset, tilec::isa::CoreKind::Vector, 2, params, 1,
               nullptr, 0);
}

/// Hands a task a GM pointer the host never allocated.
extern "C" void tilec_kernel_stray_pointer(tilec::runtime::HostApi *host, void *const *,
                                           const int64_t *) {
  static float stray[256];
  void *gm[] = {stray};
  host->launch("load_block", tilec_task_load_block, tilec::isa::CoreKind::Vector, 1, gm, 1,
               nullptr, 0);
}
