// The launch ABI (runtime/isa/LaunchAbi.h) on the CPU model: CoreContext is
// the modelled core, and a trampoline's `tilec::isa::BindCore bind(*core,
// block_idx, block_dim);` makes the instructions of its shared object find
// it (each dlopen-ed object has its own thread-local binding). ModelError
// exceptions propagate to the launcher.
#pragma once

#include "runtime/isa/CoreContext.h"
#include "runtime/isa/LaunchAbi.h"
