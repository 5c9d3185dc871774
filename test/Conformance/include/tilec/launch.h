// tilec's launch ABI (runtime/isa/LaunchAbi.h) on pto-isa's CPU simulator:
// what a generated file's trampolines and host program include when the
// conformance harness compiles it against pto-isa's headers (-D__CPU_SIM)
// instead of the CPU model's. BindCore makes pto-isa's get_block_idx() /
// get_block_num() answer the launch's block, and sizes the simulator's
// on-chip memories for the target (TILEC_SIM_A5: a5, else a2a3).
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
  BindCore(CoreContext &, int32_t blockIdx, int32_t blockDim)
      : context_(uint32_t(blockIdx), /*subblock_id=*/0, /*subblock_dim=*/1) {
    // get_block_num() answers the simulator's configured core count.
    auto &config = pto::cpu_sim::runtime_config();
    pto::cpu_sim::EnsureRuntimeInitialized();
    {
      std::scoped_lock lock(config.mutex);
      config.num_cores = uint32_t(blockDim);
    }
    if (!pto::NPUMemoryModel::Instance().IsInitialized())
      pto::NPU_MEMORY_INIT(kArch);
  }

private:
#if defined(TILEC_SIM_A5)
  static constexpr pto::NPUArch kArch = pto::NPUArch::A5;
#else
  static constexpr pto::NPUArch kArch = pto::NPUArch::A2A3;
#endif
  pto::cpu_sim::ScopedExecutionContext context_;
};

} // namespace tilec::isa
