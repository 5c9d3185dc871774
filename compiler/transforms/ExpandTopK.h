//===- ExpandTopK.h - row arg-max and top-k as compares and selects -*- C++ -*-===//
#ifndef TILEC_COMPILER_TRANSFORMS_EXPANDTOPK_H
#define TILEC_COMPILER_TRANSFORMS_EXPANDTOPK_H

#include "mlir/IR/PatternMatch.h"

namespace tilec {

/// The expansions of tile.row_argmax and tile.topk (tile-expand-composites).
void populateTopKExpansions(mlir::RewritePatternSet &patterns);

} // namespace tilec

#endif
