//===- ReductionPatterns.cpp - reductions and broadcasts as vector tasks --===//
//
// A reduction (tile::ReductionOpInterface) becomes one vector task whose
// chunks keep the reduced dimension whole; a broadcast, and a fill (a
// scalar broadcast to a tile), one vector task that expands its operand
// into each chunk (VectorTasks.cpp, VectorEmitter.h).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

struct LowerReduction : KindPattern<OpInterfaceConversionPattern<tile::ReductionOpInterface>> {
  using KindPattern::KindPattern;

  LogicalResult matchAndRewrite(tile::ReductionOpInterface reduction, ArrayRef<Value>,
                                ConversionPatternRewriter &rewriter) const override {
    Operation *op = reduction;
    return lowerTileOp(op, state, rewriter,
                       [&](GmPlaces &places) { return lowerToVectorTask(op, places); });
  }
};

} // namespace

void tilec::conversion::populateReductionPatterns(RewritePatternSet &patterns,
                                                  KernelConversion &state) {
  patterns.add<LowerReduction, VectorTaskLowering<tile::BroadcastOp>,
               VectorTaskLowering<tile::FullOp>>(state, patterns.getContext());
}
