// The GM views a core's TLOAD/TSTORE instructions touched, with the cycle each
// started at, for the L2 model (runtime/launch/L2Cache.h). The launcher turns
// logging on for model runs; it replays every block's log of a launch in
// cycle order after the launch, so the L2's state never depends on how the
// blocks were spread over host threads.
#pragma once

#include <cstdint>
#include <vector>

namespace tilec::isa {

/// One GM view: rows over dims 0..3 of the 5-D view, `cols` elements per row.
/// Strides are in bytes.
struct GmAccess {
  double cycle = 0; ///< start of the instruction on its pipe
  uintptr_t base = 0;
  int64_t shape[4] = {1, 1, 1, 1};
  int64_t stride[4] = {0, 0, 0, 0};
  int64_t cols = 1;
  int64_t colStride = 0;
  int64_t elemBytes = 1;
  bool write = false;
};

class GmAccessLog {
public:
  template <typename GT> void record(const GT &gt, bool write, double cycle) {
    if (!enabled)
      return;
    constexpr int64_t elem = int64_t(sizeof(typename GT::DType));
    GmAccess a;
    a.cycle = cycle;
    a.base = reinterpret_cast<uintptr_t>(gt.data());
    for (int d = 0; d < 4; ++d) {
      a.shape[d] = gt.GetShape(d);
      a.stride[d] = gt.GetStride(d) * elem;
    }
    a.cols = gt.GetShape(4);
    a.colStride = gt.GetStride(4) * elem;
    a.elemBytes = elem;
    a.write = write;
    accesses.push_back(a);
  }

  bool enabled = false;
  std::vector<GmAccess> accesses;
};

} // namespace tilec::isa
