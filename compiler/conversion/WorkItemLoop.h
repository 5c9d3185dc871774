//===- WorkItemLoop.h - the loop over a lowered task's work items -*- C++ -*-===//
#ifndef TILEC_COMPILER_CONVERSION_WORKITEMLOOP_H
#define TILEC_COMPILER_CONVERSION_WORKITEMLOOP_H

#include "dialects/Ascend/AscendOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

namespace tilec::conversion {
/// The loop `for item = block_idx to items step block_dim` in which a task
/// built by the lowering runs its work items, block-cyclically over the
/// cores, if the task has exactly one at its top level.
mlir::scf::ForOp workItemLoop(ascend::TaskOp task);
} // namespace tilec::conversion

#endif
