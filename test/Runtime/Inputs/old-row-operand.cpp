// Hand-written C++ for model-scale.tile in the generated-code ABI, in the
// per-row form tilec emitted before: TROWEXPANDMUL's per-row operand is a
// row-major [16, 1] tile (valid columns 1 of 8), which pto-isa does not
// accept (the NPU reads the whole 32-byte block). y = x * rowsum(x).
#include "runtime/isa/HostApi.h"
#include "runtime/isa/Isa.h"

using namespace pto;

extern "C" void tilec_task_scale_rows(tilec::isa::CoreContext *core, void *const *gm,
                                      const int64_t *scalars, int32_t block_idx,
                                      int32_t block_dim) {
  tilec::isa::BindCore bind(*core, block_idx, block_dim);
  using T = Tile<TileType::Vec, float, 16, 64>;
  using Row = Tile<TileType::Vec, float, 16, 8, BLayout::RowMajor, 16, 1>;
  using G = GlobalTensor<float, Shape<1, 1, 1, 16, 64>, Stride<1, 1, 1, 64, 1>>;
  G x(static_cast<float *>(gm[0]) + block_idx * 1024);
  G y(static_cast<float *>(gm[1]) + block_idx * 1024);
  T t, tmp, out;
  Row sum;
  TASSIGN(t, 0x0);
  TASSIGN(tmp, 0x1000);
  TASSIGN(out, 0x2000);
  TASSIGN(sum, 0x3000);
  TLOAD(t, x);
  set_flag(PIPE_MTE2, PIPE_V, EVENT_ID0);
  wait_flag(PIPE_MTE2, PIPE_V, EVENT_ID0);
  TROWSUM(sum, t, tmp);
  pipe_barrier(PIPE_V);
  TROWEXPANDMUL(out, t, sum);
  set_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
  wait_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
  TSTORE(y, out);
}

extern "C" void tilec_kernel_scale(tilec::runtime::HostApi *host, void *const *params,
                                   const int64_t *scalars) {
  host->launch("scale_rows", tilec_task_scale_rows, tilec::isa::CoreKind::Vector, 2, params, 2,
               scalars, 1);
}
