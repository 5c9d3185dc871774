// The entry-point convention of a generated task. Every task is compiled to
//
//   extern "C" void tilec_task_<name>(tilec::isa::CoreContext *core,
//                                     void *const *gm,        // GM tensors
//                                     const int64_t *scalars, // scalar args
//                                     int32_t block_idx, int32_t block_dim);
//
// and its body starts with `tilec::isa::BindCore bind(*core, block_idx,
// block_dim);` so the instructions of this shared object find their core
// (each dlopen-ed object has its own thread-local binding). ModelError
// exceptions propagate to the launcher.
#pragma once

#include "runtime/isa/CoreContext.h"

#include <cstdint>

namespace tilec::isa {

using TaskEntry = void (*)(CoreContext *core, void *const *gm,
                           const int64_t *scalars, int32_t blockIdx,
                           int32_t blockDim);

/// Symbol of the task named `name` is kTaskSymbolPrefix + name.
inline constexpr const char kTaskSymbolPrefix[] = "tilec_task_";

} // namespace tilec::isa
