//===- WorkItemLoop.h - the loop over a lowered task's work items -*- C++ -*-===//
#ifndef TILEC_COMPILER_CONVERSION_WORKITEMLOOP_H
#define TILEC_COMPILER_CONVERSION_WORKITEMLOOP_H

#include "dialects/Ascend/AscendOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

namespace tilec::conversion {
/// The loop in which a task built by the lowering runs its work items, if
/// the task has exactly one at its top level: `for item = block_idx to items
/// step block_dim` (block-cyclically over the cores), or, after
/// ascend-reuse-setup, `for item = block_idx · items / block_dim to (block_idx
/// + 1) · items / block_dim step 1` (the core's contiguous range).
mlir::scf::ForOp workItemLoop(ascend::TaskOp task);

/// The item count of `task`'s work items when they go block-cyclically, the
/// loop the only op with regions at the task's top level: `for item =
/// block_idx to count step block_dim`, or after ascend-double-buffer-setup
/// `step block_dim + block_dim` (pairs of items); else null.
mlir::Value cyclicItemCount(ascend::TaskOp task);

/// The loads of the buffers `items` loads at the start of each item and
/// reads through it: allocated before the loop, used only in the loop, and
/// first used there by a load directly in its body (so each item overwrites
/// them before reading). One load per buffer, in program order.
llvm::SmallVector<ascend::TLoadOp> setupLoads(mlir::scf::ForOp items);

/// Whether `launch` alone launches `task`, so a pass may rewrite the task in
/// place.
bool onlyLaunchedBy(ascend::TaskOp task, mlir::Operation *launch);
} // namespace tilec::conversion

#endif
