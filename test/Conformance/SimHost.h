// The host a conformance run's generated host program talks to
// (tilec::runtime::HostApi): zeroed scratch buffers; launches that run their
// blocks one after the other on the calling thread (pto-isa's CPU simulator
// keeps one set of on-chip memories per thread, so the blocks share it as
// the blocks queued on one AI Core do); and mixed launches that run each
// block's cluster, its AIC and its two AIVs, on three threads of their own
// at once, sharing the cluster's cross-core flags (SimCore.h), one cluster
// after the other.
#pragma once

#include "test/Conformance/SimCore.h"

#include "runtime/launch/ScratchBuffers.h"

#include <string>

namespace tilec::conformance {

class SimHost final : public runtime::HostApi {
public:
  /// AIVs per cluster: a2a3's and a5's (TargetDescription's
  /// vectorCoresPerCluster); the emitted C++ splits a ring slot between two.
  static constexpr int kVectorCoresPerCluster = 2;

  explicit SimHost(std::string kernel) : kernel_(std::move(kernel)) {}

  void *allocScratch(size_t bytes, const char *name) override;
  /// Throws std::runtime_error naming the kernel, task and block when a
  /// block throws.
  void launch(const char *task, isa::TaskEntry entry, isa::CoreKind core, int32_t blocks,
              void *const *gm, int32_t numGm, const int64_t *scalars,
              int32_t numScalars) override;
  /// Throws std::runtime_error naming the kernel, task, block and core
  /// (aic, aiv0, aiv1) when a part of a block throws; a part that failed
  /// only because its partner did (isa::PartnerFailure) is not the one named.
  void launchMixed(const char *task, isa::TaskEntry cubeEntry, isa::TaskEntry vectorEntry,
                   int32_t blocks, void *const *gm, int32_t numGm, const int64_t *scalars,
                   int32_t numScalars) override;

private:
  /// "kernel 'k/task' block b/n: " and `what`.
  std::string blockError(const char *task, int32_t block, int32_t blocks,
                         const std::string &what) const;

  std::string kernel_;
  launch::ScratchBuffers scratch_;
};

} // namespace tilec::conformance
