// Generated C++ -> a callable kernel: compile (cached), load, resolve
// `tilec_kernel_<name>`.
#pragma once

#include "runtime/launch/CompileCache.h"
#include "runtime/launch/SharedLibrary.h"

#include <memory>
#include <string>

namespace tilec::launch {

struct LoadedKernel {
  std::shared_ptr<SharedLibrary> library; ///< keeps `entry` mapped
  KernelEntry entry = nullptr;
  CompiledObject object;
};

/// A cache hit whose shared object does not load is compiled again once.
Result<LoadedKernel> loadKernel(const std::string &source, const std::string &kernelName,
                                const CompileOptions &options);

} // namespace tilec::launch
