//===- AscendTarget.h - the target description a module names -*- C++ -*-===//
#ifndef TILEC_DIALECTS_ASCEND_ASCENDTARGET_H
#define TILEC_DIALECTS_ASCEND_ASCENDTARGET_H

#include "base/TargetDescription.h"
#include "dialects/Ascend/AscendOps.h"

#include "mlir/IR/BuiltinOps.h"

namespace tilec {
/// The description of a target the ascend dialect names (every one has one).
const target::TargetDescription &describeTarget(ascend::Target target);
/// The module's target (`ascend.target`, default a2a3; a null module: a2a3).
const target::TargetDescription &lookupModuleTarget(mlir::ModuleOp module);
} // namespace tilec

#endif
