//===- CastPatterns.cpp - casts as vector tasks ---------------------------===//
//
// A cast becomes one vector task that converts each chunk through the
// target's legal TCVT steps (CastChain.h), its rounding and saturation
// translated to the ascend dialect's own modes (VectorEmitter.cpp).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

void tilec::conversion::populateCastPatterns(RewritePatternSet &patterns,
                                             KernelConversion &state) {
  patterns.add<VectorTaskLowering<tile::CastOp>>(state, patterns.getContext());
}
