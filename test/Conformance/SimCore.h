// The core a conformance-harness block runs on, as the launch ABI passes it
// (tilec::isa::CoreContext, declared in runtime/isa/LaunchAbi.h). Shared by
// the driver (pto-isa-run), which makes one per block, and by the kernel side
// (include/tilec/launch.h), whose BindCore reads it. pto-isa's CPU simulator
// keeps the on-chip memories per thread, so the core carries only what the
// launch said about it.
#pragma once

#include "runtime/isa/LaunchAbi.h"

namespace tilec::isa {

class CoreContext {
public:
  explicit CoreContext(CoreKind kind) : kind(kind) {}
  const CoreKind kind; ///< what the launch asked for: cube (AIC) or vector (AIV)
};

} // namespace tilec::isa
