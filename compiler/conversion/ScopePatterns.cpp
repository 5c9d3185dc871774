//===- ScopePatterns.cpp - a fused scope as one task ----------------------===//
//
// After tile-form-tasks every scope left in a kernel has a chunking strategy
// and becomes one fused task (FusedTasks.cpp) that keeps its intermediates
// in UB; the ops inside it go with it.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/transforms/RowFusion.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// A fused scope becomes one task over chunks of its token rows, as its
/// strategy says.
struct LowerScope : TileLowering<tile::ScopeOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::ScopeOp scope, GmPlaces &places) const override {
    if (isa_and_nonnull<ascend::InlineAttr>(
            ascend::AscendDialect::StrategyAttrHelper(scope.getContext()).getAttr(scope)))
      return scope.emitOpError("is not one task (#ascend.inline): run tile-form-tasks first");
    if (failed(checkTask(scope, ascend::CoreType::aiv)))
      return failure();
    FailureOr<ascend::ChunkingAttr> chunking = strategyOf<ascend::ChunkingAttr>(scope);
    if (failed(chunking))
      return failure();
    places.host.setInsertionPoint(scope);
    TaskContext context = places.contextNamed(
        scope.getName(), places.tokenRowsOf(scope, rowfusion::fusedScopeRows(scope)));
    SmallVector<GmLocation> results;
    for (Value result : scope.getResults()) {
      FailureOr<GmLocation> place = places.placeResult(result, scope);
      if (failed(place))
        return failure();
      results.push_back(*place);
    }
    // The global tensors its loops load and store are read whole by the task.
    scope.walk([&](Operation *op) {
      for (Value operand : op->getOperands())
        if (isa<tile::GlobalTensorType>(operand.getType()))
          places.set(operand, places.whole(operand));
    });
    places.host.setInsertionPoint(scope);
    if (failed(lowerFusedScope(
            scope, *chunking,
            [&](Value value) -> const GmLocation & { return places.of(value); }, results,
            context)))
      return failure();
    for (auto [result, place] : llvm::zip_equal(scope.getResults(), results))
      places.set(result, place);
    return success();
  }
};

} // namespace

void tilec::conversion::populateScopePatterns(RewritePatternSet &patterns,
                                              KernelConversion &state) {
  patterns.add<LowerScope>(state, patterns.getContext());
}
