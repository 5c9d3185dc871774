// The HostApi a generated kernel's host program runs against on the CPU
// model: GM tensors and scratch registered by name in one GmRegistry, and
// launches run one after the other (the a2a3 host orders them), each over
// its blocks (BlockScheduler.h); a mixed launch runs AIC and AIV code of one
// kernel together. Collects the cycle-model report of every
// launch and, when tracing, the cores for the Chrome trace.
#pragma once

#include "runtime/isa/HostApi.h"
#include "runtime/isa/Report.h"
#include "runtime/launch/L2Cache.h"
#include "runtime/launch/ScratchBuffers.h"
#include "runtime/launch/SharedLibrary.h"

#include <functional>
#include <iosfwd>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace tilec::launch {

/// A launch failed (the model's check, a bad argument): the message names
/// the kernel, the task and the block. Thrown out of HostApi::launch through
/// the generated host program; runKernel turns it into an error.
class LaunchFailure : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

struct LaunchRecord {
  std::string task;
  isa::CoreKind kind;
  int blocks;
  double startMicros; ///< on the kernel's modelled timeline
  isa::ModelReport report;
};

struct ModelHostOptions {
  const target::TargetDescription *target = nullptr;
  std::string kernelName;
  int threads = 0; ///< host threads for blocks; 0: one per host core
  bool trace = false;
  /// Called after each launch finished (e.g. to show progress).
  std::function<void(const LaunchRecord &)> onLaunch;
};

class ModelHost : public runtime::HostApi {
public:
  explicit ModelHost(ModelHostOptions options);
  ~ModelHost() override;

  /// Registers a kernel parameter's buffer as the GM tensor `name`.
  void addTensor(void *data, size_t bytes, const std::string &name);

  void *allocScratch(size_t bytes, const char *name) override;
  void launch(const char *task, isa::TaskEntry entry, isa::CoreKind core, int32_t blocks,
              void *const *gm, int32_t numGm, const int64_t *scalars,
              int32_t numScalars) override;

  /// A mixed launch: each block runs on a cluster, `cubeEntry` on its AIC and
  /// `vectorEntry` on each of its AIVs, all at once, exchanging data through
  /// GM and cross-core flags (BlockScheduler.h).
  void launchMixed(const char *task, isa::TaskEntry cubeEntry, isa::TaskEntry vectorEntry,
                   int32_t blocks, void *const *gm, int32_t numGm, const int64_t *scalars,
                   int32_t numScalars) override;

  const std::vector<LaunchRecord> &launches() const { return launches_; }
  /// The kernel: launches back to back, so the modelled time is their sum;
  /// busy time, bytes and bounds are sums too.
  isa::ModelReport total() const;
  /// Lines the kernel left dirty in the L2: written back to HBM after it.
  uint64_t l2DirtyBytes() const { return l2_.dirtyBytes(); }

  /// One process per core, one thread per pipe, each launch at its start
  /// time. Needs `trace` in the options.
  void writeTrace(std::ostream &os) const;

private:
  void run(const char *task, isa::TaskEntry entry, isa::TaskEntry vectorEntry,
           isa::CoreKind core, int32_t blocks, void *const *gm, int32_t numGm,
           const int64_t *scalars);

  ModelHostOptions options_;
  isa::GmRegistry gm_;
  L2Cache l2_; ///< cold when the kernel starts
  ScratchBuffers scratch_;
  std::vector<LaunchRecord> launches_;
  double nowCycle_ = 0;
  std::vector<std::unique_ptr<isa::CoreContext>> tracedCores_;
};

/// Calls the host program `entry` with `params` (GM tensors, already added to
/// `host`) and `scalars`; an error carries the failing launch's message.
Status runKernel(KernelEntry entry, ModelHost &host, const std::vector<void *> &params,
                 const std::vector<int64_t> &scalars);

} // namespace tilec::launch
