//===- TaskTarget.h - the target description a task is compiled for -*- C++ -*-===//
#ifndef TILEC_COMPILER_CONVERSION_TASKTARGET_H
#define TILEC_COMPILER_CONVERSION_TASKTARGET_H

#include "dialects/Ascend/AscendTarget.h"

namespace tilec {
/// The target of the module around the task.
const target::TargetDescription &lookupTaskTarget(ascend::TaskOp task);

/// The target description's name for an ascend memory space.
target::MemSpace toTargetSpace(ascend::MemorySpace space);
} // namespace tilec

#endif
