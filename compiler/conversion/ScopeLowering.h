//===- ScopeLowering.h - named and fused scopes of a kernel ----*- C++ -*-===//
//
// After tile-form-tasks, every scope left in a kernel is one fused task.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_SCOPELOWERING_H
#define TILEC_COMPILER_CONVERSION_SCOPELOWERING_H

#include "compiler/conversion/GmPlaces.h"

namespace tilec::conversion {

/// The fused scope `scope` as one task over chunks of its token rows, as its
/// strategy says; its results get their places in `places`.
mlir::LogicalResult lowerScope(tile::ScopeOp scope, GmPlaces &places);

} // namespace tilec::conversion

#endif
