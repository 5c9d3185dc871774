// Adding up cycle-model reports: blocks into a launch, launches into a kernel.
// Busy time, bytes, MACs and the three roofline bounds are all sums (each
// bound is linear in busy time or bytes); the modelled time is not, so the
// caller sets it.
#pragma once

#include "runtime/isa/Report.h"

namespace tilec::launch {

/// Adds every field of `part` except `micros` to `total`.
void addExceptTime(isa::ModelReport &total, const isa::ModelReport &part);

} // namespace tilec::launch
