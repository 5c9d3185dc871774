// tilec's launch ABI (runtime/isa/LaunchAbi.h) on pto-isa's CPU simulator:
// what a generated file's trampolines and host program include when the
// conformance harness compiles it against pto-isa's headers (-D__CPU_SIM)
// instead of the CPU model's. BindCore makes pto-isa's get_block_idx() /
// get_block_num() / get_subblockid() / get_subblockdim() answer the launch's
// block and sub-block, sizes the simulator's on-chip memories for the target
// (TILEC_SIM_A5: a5, else a2a3), and binds the core for the cross-core flag
// stand-ins (CrossCoreStandIns.h).
#pragma once

#include "test/Conformance/SimCore.h"

#include <pto/pto-inst.hpp>

#include <mutex>
#include <type_traits>

// pto-isa falls back to IEEE half for bfloat16_t without <stdfloat>; the
// harness's stand-in (include/stdfloat) must have been taken.
static_assert(std::is_same_v<bfloat16_t, __bf16>,
              "bfloat16_t is not bfloat16: compile with the harness's include/ and "
              "-D__STDCPP_BFLOAT16_T__=1 -std=c++23");

namespace tilec::isa {

class BindCore {
public:
  BindCore(CoreContext &core, int32_t blockIdx, int32_t blockDim)
      : context_(uint32_t(blockIdx), core.subblockId, core.subblockDim), bound_(core) {
    prepare(blockDim);
  }

private:
#if defined(TILEC_SIM_A5)
  static constexpr pto::NPUArch kArch = pto::NPUArch::A5;
#else
  static constexpr pto::NPUArch kArch = pto::NPUArch::A2A3;
#endif

  /// Readies the simulator for a block of a launch of `blockDim` blocks on
  /// the calling thread. The parts of a mixed block bind on threads of their
  /// own at once, so the simulator's process-wide state (its runtime config,
  /// read without its lock, and the default architecture) is set up once,
  /// and the core count (get_block_num()) is written only by the first core
  /// of a launch to find it different, under the config's lock.
  static void prepare(int32_t blockDim) {
    static std::once_flag once;
    std::call_once(once, [] {
      pto::cpu_sim::EnsureRuntimeInitialized();
      pto::NPUMemoryModel::SetDefaultArch(kArch);
    });
    auto &config = pto::cpu_sim::runtime_config();
    {
      std::scoped_lock lock(config.mutex);
      if (config.num_cores != uint32_t(blockDim))
        config.num_cores = uint32_t(blockDim);
    }
    // Each thread has its own on-chip memories (a core's).
    if (!pto::NPUMemoryModel::Instance().IsInitialized())
      pto::NPUMemoryModel::Instance().Initialize(kArch);
  }

  pto::cpu_sim::ScopedExecutionContext context_;
  BindSimCore bound_;
};

} // namespace tilec::isa
