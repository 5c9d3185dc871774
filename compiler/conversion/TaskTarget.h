//===- TaskTarget.h - the target description a task is compiled for -*- C++ -*-===//
#ifndef TILEC_COMPILER_CONVERSION_TASKTARGET_H
#define TILEC_COMPILER_CONVERSION_TASKTARGET_H

#include "base/TargetDescription.h"
#include "dialects/Ascend/AscendOps.h"

namespace tilec {
/// The module attribute naming the target; absent means "a2a3".
inline constexpr llvm::StringLiteral kTargetAttrName = "ascend.target";

/// The description named by the enclosing module's `ascend.target`, or null
/// after reporting an error at the task when the name is unknown.
const target::TargetDescription *lookupTaskTarget(ascend::TaskOp task);

/// The target description's name for an ascend memory space.
target::MemSpace toTargetSpace(ascend::MemorySpace space);
} // namespace tilec

#endif
