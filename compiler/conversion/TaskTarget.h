//===- TaskTarget.h - the target description a task is compiled for -*- C++ -*-===//
#ifndef TILEC_COMPILER_CONVERSION_TASKTARGET_H
#define TILEC_COMPILER_CONVERSION_TASKTARGET_H

#include "base/TargetDescription.h"
#include "dialects/Ascend/AscendOps.h"

#include "mlir/IR/BuiltinOps.h"

namespace tilec {
/// The description named by the enclosing module's `ascend.target`, or null
/// after reporting an error at the task when the name is unknown.
const target::TargetDescription *lookupTaskTarget(ascend::TaskOp task);
/// The module's target (`ascend.target`, default a2a3); null, with an error
/// at the module, for an unknown name.
const target::TargetDescription *lookupModuleTarget(mlir::ModuleOp module);

/// The target description's name for an ascend memory space.
target::MemSpace toTargetSpace(ascend::MemorySpace space);
} // namespace tilec

#endif
