//===- ElementwisePatterns.cpp - elementwise math as vector tasks ---------===//
//
// An elementwise op of unary or binary math (TileOpKinds.td) becomes one
// vector task (VectorTasks.cpp) in the chunks its strategy says; its
// instructions come from the table in VectorInstructions.cpp. The other
// elementwise ops are not this family's: casts have their own
// (CastPatterns.cpp), selections theirs (SelectionPatterns.cpp).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

struct LowerElementwiseMath : KindPattern<OpTraitConversionPattern<tile::kind::Elementwise>> {
  using KindPattern::KindPattern;

  LogicalResult matchAndRewrite(Operation *op, ArrayRef<Value>,
                                ConversionPatternRewriter &rewriter) const override {
    if (isa<tile::CastOp>(op))
      return rewriter.notifyMatchFailure(op, "a cast: the cast family lowers it");
    if (!op->hasTrait<tile::kind::UnaryMath>() && !op->hasTrait<tile::kind::BinaryMath>())
      return rewriter.notifyMatchFailure(op, "neither unary nor binary math: no vector "
                                             "instruction computes it");
    return lowerTileOp(op, state, rewriter,
                       [&](GmPlaces &places) { return lowerToVectorTask(op, places); });
  }
};

} // namespace

void tilec::conversion::populateElementwisePatterns(RewritePatternSet &patterns,
                                                    KernelConversion &state) {
  patterns.add<LowerElementwiseMath>(state, patterns.getContext());
}
