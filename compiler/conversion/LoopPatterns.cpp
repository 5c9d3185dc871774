//===- LoopPatterns.cpp - host loops carrying tensors ---------------------===//
//
// An scf.for stays in the host program. Each tensor it carries gets a place
// before the body is lowered (the old value's, updated in place, or a copy
// of it, as its placement says); the yield, lowered after the body, copies
// the new value there and forwards the loop argument, so the cleanup after
// the conversion drops the tensor from the loop.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"
#include "compiler/conversion/Strategy.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

struct PlaceLoopTensors : KernelPattern<scf::ForOp> {
  using KernelPattern::KernelPattern;

  LogicalResult matchAndRewrite(scf::ForOp loop, OpAdaptor,
                                ConversionPatternRewriter &rewriter) const override {
    if (state.errorReported)
      return rewriter.notifyMatchFailure(loop, "an earlier op of the kernel failed to lower");
    state.places.track(rewriter);
    if (failed(placeCarried(loop, state.places))) {
      state.errorReported = true;
      return rewriter.notifyMatchFailure(loop, "a carried tensor has no place (a located "
                                               "error says why)");
    }
    state.placedLoops.insert(loop);
    // The loop stays in the host program without the tensors it placed.
    rewriter.modifyOpInPlace(loop, [&] {
      ascend::AscendDialect::PlacementAttrHelper(loop.getContext()).removeAttr(loop);
    });
    return success();
  }

private:
  LogicalResult placeCarried(scf::ForOp loop, GmPlaces &places) const {
    places.host.setInsertionPoint(loop);
    auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
    unsigned carried = 0; // the tensors before `index`: their copy and placement number
    for (auto [index, init] : llvm::enumerate(loop.getInitArgs())) {
      if (!isa<RankedTensorType>(init.getType()))
        continue;
      FailureOr<ascend::ChunkingAttr> chunking = copyStrategyOf(loop, carried);
      if (failed(chunking))
        return failure();
      FailureOr<GmLocation> place = state.updatedPlace(loop, carried, init, *chunking);
      if (failed(place))
        return failure();
      ++carried;
      places.set(loop.getRegionIterArg(index), *place);
      places.set(loop.getResult(index), *place);
      places.setCarried(yield, index, *place);
      state.pendingYields.insert(yield);
    }
    return success();
  }
};

/// The yield of a loop whose carried tensors have places: copies each new
/// value to its place and yields the loop argument instead.
struct CopyBackYield : KernelPattern<scf::YieldOp> {
  using KernelPattern::KernelPattern;

  LogicalResult matchAndRewrite(scf::YieldOp yield, OpAdaptor,
                                ConversionPatternRewriter &rewriter) const override {
    if (state.errorReported)
      return rewriter.notifyMatchFailure(yield, "an earlier op of the kernel failed to lower");
    auto loop = dyn_cast<scf::ForOp>(yield->getParentOp());
    if (!loop || !state.pendingYields.contains(yield))
      return rewriter.notifyMatchFailure(yield, "carries no placed tensor");
    GmPlaces &places = state.places;
    places.track(rewriter);
    places.host.setInsertionPoint(yield);
    FailureOr<ascend::ChunkingAttr> chunking;
    unsigned carried = 0;
    for (auto [index, value] : llvm::enumerate(yield.getOperands())) {
      if (!isa<RankedTensorType>(value.getType()))
        continue;
      chunking = copyStrategyOf(loop, carried++);
      if (failed(chunking) ||
          failed(places.copy(yield.getLoc(), value, places.of(value), places.of(loop.getResult(index)),
                             *chunking))) {
        state.errorReported = true;
        return rewriter.notifyMatchFailure(yield, "a carried tensor could not be copied back "
                                                  "(a located error says why)");
      }
    }
    // The carried tensors now live in memory: forward them unchanged.
    rewriter.modifyOpInPlace(yield, [&] {
      for (auto [index, value] : llvm::enumerate(yield.getOperands()))
        if (isa<RankedTensorType>(value.getType()))
          yield->setOperand(index, loop.getRegionIterArg(index));
    });
    state.pendingYields.erase(yield);
    return success();
  }
};

} // namespace

void tilec::conversion::populateLoopPatterns(RewritePatternSet &patterns,
                                             KernelConversion &state) {
  patterns.add<PlaceLoopTensors, CopyBackYield>(state, patterns.getContext());
}
