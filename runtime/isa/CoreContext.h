// One modelled AI Core: its memories, its pipes' hazard and cycle state, its
// event flags, and the identity (kernel, block) used in error messages. The
// instruction functions find the core the calling thread runs through
// currentCore(); a kernel entry binds it with BindCore.
#pragma once

#include "base/TargetDescription.h"
#include "runtime/isa/CrossCoreFlags.h"
#include "runtime/isa/CycleModel.h"
#include "runtime/isa/GmAccessLog.h"
#include "runtime/isa/Hazards.h"
#include "runtime/isa/Memory.h"
#include "runtime/isa/ModelError.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace tilec::isa {

class CoreContext {
public:
  CoreContext(const target::TargetDescription &t, CoreKind kind = CoreKind::Mixed,
              const GmRegistry *gm = nullptr, int coreId = 0)
      : target_(t), kind_(kind), memory_(t, kind), gm_(gm), coreId_(coreId),
        flags_(size_t(target::kNumPipes) * target::kNumPipes *
               size_t(t.eventIdsPerPipePair)) {}
  CoreContext(const CoreContext &) = delete;
  CoreContext &operator=(const CoreContext &) = delete;

  const target::TargetDescription &target() const { return target_; }
  CoreKind kind() const { return kind_; }
  int coreId() const { return coreId_; }
  std::byte *base(MemSpace m) const { return memory_.base(m); }
  const GmRegistry *gm() const { return gm_; }

  std::string kernelName = "kernel";
  int blockIdx = 0;
  int blockDim = 1;

  HazardTracker hazards;
  CycleModel cycles;
  GmAccessLog gmLog;

  /// In a mixed launch: the cluster's cross-core flags and this core's part
  /// of the cluster (0: the AIC, 1..: its AIVs); null otherwise.
  CrossCoreFlags *crossCore = nullptr;
  int clusterPart = 0;

  // --- instruction bookkeeping (called by the instruction functions) -------

  /// Starts instruction `name` on pipe `p`.
  void beginInstr(const char *name, Pipe p) {
    ++instrIndex_;
    instrName_ = name;
    instrPipe_ = p;
    instrEpoch_ = hazards.issue(p);
  }

  /// Throws a ModelError naming the kernel, block and current instruction.
  [[noreturn]] void fail(const std::string &what) const {
    throw ModelError(where() + ": " + what);
  }

  /// "kernel 'k' block b/n, instruction #i name (pipe P)".
  std::string where() const {
    std::string where = "kernel '" + kernelName + "' block " +
                        std::to_string(blockIdx) + "/" +
                        std::to_string(blockDim);
    if (instrName_)
      where += ", instruction #" + std::to_string(instrIndex_) + " " +
               instrName_ + " (pipe " + std::string(target::name(instrPipe_)) +
               ")";
    return where;
  }

  /// Checks one access of the current instruction for a hazard, then records
  /// it. `role` names the operand for the message (e.g. "dst").
  void access(const ByteRange &r, bool write, const char *role) {
    if (const HazardTracker::Record *prev =
            hazards.conflict(instrPipe_, r, write)) {
      std::string q(target::name(prev->pipe)), p(target::name(instrPipe_));
      fail("hazard on " + std::string(role) + " " + describe(r) + ": this instruction " +
           (write ? "writes" : "reads") + " it while pipe " + q +
           " may still be " + (prev->write ? "writing" : "reading") +
           " it (instruction #" + std::to_string(prev->instrIndex) + " " +
           prev->instrName + "); order them with set_flag(PIPE_" + q +
           ", PIPE_" + p + ", e) after that instruction and wait_flag(PIPE_" +
           q + ", PIPE_" + p + ", e) before this one");
    }
    hazards.record(instrPipe_, r, write, instrEpoch_, instrIndex_, instrName_);
  }

  void charge(double n) { cycles.charge(instrPipe_, n, instrName_); }
  /// When the current instruction starts: its pipe's clock before charging.
  double instrStartCycle() const { return cycles.now(instrPipe_); }

  // --- synchronisation ----------------------------------------------------

  void setFlag(Pipe src, Pipe dst, int event) {
    beginInstr("set_flag", src);
    FlagSlot &f = flag(src, dst, event);
    if (f.pending)
      fail("set_flag(PIPE_" + std::string(target::name(src)) + ", PIPE_" +
           std::string(target::name(dst)) + ", " + std::to_string(event) +
           ") while the previous set of that flag has not been waited for");
    f.pending = true;
    f.cycle = cycles.now(src);
    f.clock = hazards.snapshot(src);
  }

  void waitFlag(Pipe src, Pipe dst, int event) {
    beginInstr("wait_flag", dst);
    FlagSlot &f = flag(src, dst, event);
    if (!f.pending)
      fail("wait_flag(PIPE_" + std::string(target::name(src)) + ", PIPE_" +
           std::string(target::name(dst)) + ", " + std::to_string(event) +
           ") with no earlier set_flag: the NPU would hang here");
    f.pending = false;
    hazards.merge(dst, f.clock);
    cycles.waitUntil(dst, f.cycle);
  }

  /// ffts_cross_core_sync: sets cross-core flag `flag` for the rest of the
  /// cluster once everything issued on `p` so far has completed. Only mode 2
  /// (CV_CORES_SYNC, between an AIC and its AIVs) is modelled.
  void crossCoreSet(Pipe p, int mode, int flag) {
    beginInstr("ffts_cross_core_sync", p);
    if (mode != 2)
      fail("mode " + std::to_string(mode) +
           " is not modelled: only CV_CORES_SYNC (2), between an AIC and its AIVs");
    checkCrossCoreFlag(flag);
    crossCore->set(clusterPart, flag, cycles.now(p));
  }

  /// wait_flag_dev: nothing after it starts before the partner's matching
  /// set is visible here.
  void crossCoreWait(int flag) {
    beginInstr("wait_flag_dev", Pipe::S);
    checkCrossCoreFlag(flag);
    CrossCoreFlags::WaitResult result = crossCore->wait(clusterPart, flag);
    if (result.partnerFailed)
      throw PartnerFailure(where() + ": " + *result.error);
    if (result.error)
      fail("wait_flag_dev(" + std::to_string(flag) + "): " + *result.error);
    cycles.stallUntil(result.cycle, "wait_flag_dev");
  }

  /// pipe_barrier: a pipe is in order already; PIPE_ALL joins every pipe.
  void barrier(bool allPipes) {
    if (!allPipes)
      return;
    hazards.barrierAll();
    cycles.barrierAll();
  }

  /// "UB[0x100, 0x200)", or the GM tensor name and offsets.
  std::string describe(const ByteRange &r) const {
    auto hex = [](uint64_t v) {
      char buf[24];
      std::snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)v);
      return std::string(buf);
    };
    if (r.space == MemSpace::GM && gm_)
      if (const GmRegistry::Tensor *t =
              gm_->find(reinterpret_cast<const void *>(r.begin)))
        return "GM tensor '" + t->name + "' bytes [" +
               std::to_string(r.begin - t->begin) + ", " +
               std::to_string(r.end - t->begin) + ")";
    return std::string(target::name(r.space)) + "[" + hex(r.begin) + ", " +
           hex(r.end) + ")";
  }

private:
  struct FlagSlot {
    bool pending = false;
    double cycle = 0;
    HazardTracker::VectorClock clock{};
  };

  FlagSlot &flag(Pipe src, Pipe dst, int event) {
    if (src == dst)
      fail("set_flag/wait_flag need two different pipes");
    if (event < 0 || event >= target_.eventIdsPerPipePair)
      fail("event id " + std::to_string(event) + " out of range [0, " +
           std::to_string(target_.eventIdsPerPipePair) + ")");
    return flags_[(size_t(src) * target::kNumPipes + size_t(dst)) *
                      size_t(target_.eventIdsPerPipePair) +
                  size_t(event)];
  }

  void checkCrossCoreFlag(int flag) const {
    if (!crossCore)
      fail("cross-core flags need a mixed launch (an AIC and its AIVs running "
           "together); this core runs alone");
    if (flag < 0 || flag >= CrossCoreFlags::kFlagIds)
      fail("cross-core flag id " + std::to_string(flag) + " out of range [0, " +
           std::to_string(CrossCoreFlags::kFlagIds) + ")");
  }

  const target::TargetDescription &target_;
  CoreKind kind_;
  CoreMemory memory_;
  const GmRegistry *gm_;
  int coreId_;
  std::vector<FlagSlot> flags_;

  uint64_t instrIndex_ = 0;
  const char *instrName_ = nullptr;
  Pipe instrPipe_ = Pipe::S;
  uint64_t instrEpoch_ = 0;
};

/// The core the calling thread is modelling (set by BindCore).
inline CoreContext *&boundCoreSlot() {
  static thread_local CoreContext *core = nullptr;
  return core;
}

inline CoreContext &currentCore() {
  CoreContext *c = boundCoreSlot();
  if (!c)
    throw ModelError("no AI Core is bound to this thread: a kernel entry must "
                     "start with tilec::isa::BindCore (see docs/runtime-isa.md)");
  return *c;
}

/// Binds a core to the calling thread for the lifetime of this object.
class BindCore {
public:
  explicit BindCore(CoreContext &core) : previous_(boundCoreSlot()) {
    boundCoreSlot() = &core;
  }
  BindCore(CoreContext &core, int blockIdx, int blockDim) : BindCore(core) {
    core.blockIdx = blockIdx;
    core.blockDim = blockDim;
  }
  ~BindCore() { boundCoreSlot() = previous_; }
  BindCore(const BindCore &) = delete;
  BindCore &operator=(const BindCore &) = delete;

private:
  CoreContext *previous_;
};

} // namespace tilec::isa
