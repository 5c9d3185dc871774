// The host a conformance run's generated host program talks to
// (tilec::runtime::HostApi): zeroed scratch buffers, and launches that run
// their blocks one after the other on the calling thread. pto-isa's CPU
// simulator keeps one set of on-chip memories per thread, so the blocks
// share it as the blocks queued on one AI Core do.
#pragma once

#include "test/Conformance/SimCore.h"

#include "runtime/launch/ScratchBuffers.h"

#include <string>

namespace tilec::conformance {

class SimHost final : public runtime::HostApi {
public:
  explicit SimHost(std::string kernel) : kernel_(std::move(kernel)) {}

  void *allocScratch(size_t bytes, const char *name) override;
  /// Throws std::runtime_error naming the kernel, task and block when a
  /// block throws.
  void launch(const char *task, isa::TaskEntry entry, isa::CoreKind core, int32_t blocks,
              void *const *gm, int32_t numGm, const int64_t *scalars,
              int32_t numScalars) override;

private:
  std::string kernel_;
  launch::ScratchBuffers scratch_;
};

} // namespace tilec::conformance
