// The core a conformance-harness block runs on, as the launch ABI passes it
// (tilec::isa::CoreContext, declared in runtime/isa/LaunchAbi.h). Shared by
// the driver (pto-isa-run, SimHost), which makes one per block and per part
// of a mixed block, and by the kernel side (include/tilec/launch.h), whose
// BindCore reads it. pto-isa's CPU simulator keeps the on-chip memories per
// thread, so the core carries only what the launch said about it.
//
// It also carries what pto-isa's CPU simulator has no notion of: the cross-
// core flags of a mixed launch's cluster (runtime/isa/CrossCoreFlags.h, the
// model's own flag semantics). crossCoreSet / crossCoreWait implement the
// CANN calls on them for the core bound to the calling thread; the kernel's
// C++ reaches them through CrossCoreStandIns.h. Nothing here needs pto-isa.
#pragma once

#include "runtime/isa/CrossCoreFlags.h"
#include "runtime/isa/FftsMessage.h"
#include "runtime/isa/LaunchAbi.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace tilec::isa {

class CoreContext {
public:
  /// A core of an ordinary launch: it runs alone.
  explicit CoreContext(CoreKind kind) : kind(kind) {}
  /// Part `clusterPart` of a mixed launch's cluster (0: the AIC, 1..: its
  /// AIVs) sharing `crossCore`; an AIV is sub-block part - 1 of the AIVs.
  CoreContext(CoreKind kind, CrossCoreFlags &crossCore, int clusterPart)
      : kind(kind), subblockId(clusterPart > 0 ? clusterPart - 1 : 0),
        subblockDim(clusterPart > 0 ? crossCore.vectorParts() : 1), crossCore(&crossCore),
        clusterPart(clusterPart) {}

  const CoreKind kind; ///< what the launch asked for: cube (AIC) or vector (AIV)
  /// What get_subblockid() / get_subblockdim() answer on this core: an AIV
  /// of a mixed launch is one of its cluster's AIVs, any other core the only
  /// one (pto-isa's own cube -> vector tests run the AIC as sub-block 0 of 1).
  const uint32_t subblockId = 0;
  const uint32_t subblockDim = 1;
  CrossCoreFlags *const crossCore = nullptr; ///< null outside a mixed launch
  const int clusterPart = 0;
};

/// The core bound to the calling thread (by BindCore in the kernel's
/// include/tilec/launch.h, or by a test), or null.
inline CoreContext *&boundSimCore() {
  static thread_local CoreContext *core = nullptr;
  return core;
}

/// Binds `core` to the calling thread for the lifetime of this object.
class BindSimCore {
public:
  explicit BindSimCore(CoreContext &core) : previous_(boundSimCore()) { boundSimCore() = &core; }
  ~BindSimCore() { boundSimCore() = previous_; }
  BindSimCore(const BindSimCore &) = delete;
  BindSimCore &operator=(const BindSimCore &) = delete;

private:
  CoreContext *previous_;
};

namespace detail {
/// The calling thread's core once it may use cross-core flag `flag`.
inline CoreContext &crossCoreOf(const char *call, int flag) {
  CoreContext *core = boundSimCore();
  if (!core || !core->crossCore)
    throw std::runtime_error(std::string(call) +
                             ": cross-core flags need a mixed launch (an AIC and its AIVs "
                             "running together); this core runs alone");
  if (flag < 0 || flag >= CrossCoreFlags::kFlagIds)
    throw std::runtime_error(std::string(call) + ": cross-core flag id " + std::to_string(flag) +
                             " out of range [0, " + std::to_string(CrossCoreFlags::kFlagIds) +
                             ")");
  return *core;
}
} // namespace detail

/// ffts_cross_core_sync(pipe, message): sets the message's flag for the rest
/// of the cluster. The simulator runs every instruction to completion when
/// it is called, so the pipe has nothing left to finish. Only CV_CORES_SYNC
/// (between an AIC and its AIVs) is supported, as in the model.
inline void crossCoreSet(uint64_t message) {
  const int flag = fftsMessageFlag(message);
  CoreContext &core = detail::crossCoreOf("ffts_cross_core_sync", flag);
  if (int mode = fftsMessageMode(message); mode != pto::CV_CORES_SYNC)
    throw std::runtime_error("ffts_cross_core_sync: mode " + std::to_string(mode) +
                             " is not supported: only CV_CORES_SYNC (2), between an AIC and "
                             "its AIVs");
  core.crossCore->set(core.clusterPart, flag, /*cycle=*/0);
}

/// wait_flag_dev(flag): blocks until a partner's matching set; fails instead
/// of hanging when none can come (PartnerFailure when a partner failed).
inline void crossCoreWait(int64_t flag) {
  CoreContext &core = detail::crossCoreOf("wait_flag_dev", int(flag));
  CrossCoreFlags::WaitResult result = core.crossCore->wait(core.clusterPart, int(flag));
  if (result.partnerFailed)
    throw PartnerFailure("wait_flag_dev(" + std::to_string(flag) + "): " + *result.error);
  if (result.error)
    throw std::runtime_error("wait_flag_dev(" + std::to_string(flag) + "): " + *result.error);
}

} // namespace tilec::isa
