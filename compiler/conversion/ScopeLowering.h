//===- ScopeLowering.h - named and fused scopes of a kernel ----*- C++ -*-===//
//
// Before convert-tile-to-ascend lowers a kernel op by op, prepareKernel puts it
// in the form that lowering handles; a scope left standing is then one fused
// task (lowerScope).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_SCOPELOWERING_H
#define TILEC_COMPILER_CONVERSION_SCOPELOWERING_H

#include "compiler/conversion/GmPlaces.h"

namespace tilec::conversion {

/// Checks every named scope against its core group, inlines the scopes whose
/// strategy is #ascend.inline (each of their ops becomes a task) and splits
/// an accumulating matmul into a matmul and an add.
mlir::LogicalResult prepareKernel(tile::KernelOp kernel);

/// The fused scope `scope` as one task over chunks of its token rows, as its
/// strategy says; its results get their places in `places`.
mlir::LogicalResult lowerScope(tile::ScopeOp scope, GmPlaces &places);

} // namespace tilec::conversion

#endif
