//===- PlanMemory.h - whether a task's buffers fit on chip -------*- C++ -*-===//
#ifndef TILEC_COMPILER_CONVERSION_PLANMEMORY_H
#define TILEC_COMPILER_CONVERSION_PLANMEMORY_H

#include "base/TargetDescription.h"

#include "mlir/IR/Block.h"

namespace tilec {
/// Whether `--ascend-plan-memory` can place every buffer of a task body (one
/// being built, too) in the target's memories, `reservedUb` bytes of UB
/// kept free at its start (a ring in UB the body does not take yet); reports
/// nothing. The fused lowering picks its token chunk with it.
bool fitsOnChip(mlir::Block &body, const target::TargetDescription &target,
                int64_t reservedUb = 0);
} // namespace tilec

#endif
