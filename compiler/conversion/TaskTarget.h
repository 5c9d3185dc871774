//===- TaskTarget.h - the target description a task is compiled for -*- C++ -*-===//
#ifndef TILEC_COMPILER_CONVERSION_TASKTARGET_H
#define TILEC_COMPILER_CONVERSION_TASKTARGET_H

#include "base/TargetDescription.h"
#include "dialects/Ascend/AscendOps.h"

#include "mlir/IR/BuiltinOps.h"

namespace tilec {
/// The description of a target the ascend dialect names (every one has one).
const target::TargetDescription &describeTarget(ascend::Target target);
/// The module's target (`ascend.target`, default a2a3).
const target::TargetDescription &lookupModuleTarget(mlir::ModuleOp module);
/// The target of the module around the task.
const target::TargetDescription &lookupTaskTarget(ascend::TaskOp task);

/// The target description's name for an ascend memory space.
target::MemSpace toTargetSpace(ascend::MemorySpace space);
} // namespace tilec

#endif
