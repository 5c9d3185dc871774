//===- ConvertTileToAscend.cpp - kernels into tasks and launches ----------===//
//
// Every tensor value that crosses a task boundary lives in global memory
// where its `ascend.placement` says (tile-place-gm; built by GmPlaces.h): a
// window of a parameter (loads, slices, and results written straight into
// the window a store or in-place insert names), or a scratch tensor. Every
// tiling decision is the `ascend.strategy` of an op or scope
// (tile-select-strategy, Strategy.h). A fused scope becomes one task
// that keeps its intermediates in UB (ScopePatterns.cpp); every other compute
// op becomes a task of its own that reads its operands' windows and writes
// its result's. Tasks are launched from the kernel body at the op's position,
// so host loops and scalar arithmetic stay as they were. Afterwards the
// kernel body is the host program: scratch allocations, index arithmetic,
// loops and launches. Scopes that are not one task are inlined before
// (tile-form-tasks), so lowering a scope never lowers ops. The lowering is a
// dialect conversion, one family of patterns per file (KernelConversion.h).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/HostProgram.h"
#include "compiler/conversion/KernelConversion.h"
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/TaskTarget.h"
#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tilec {
#define GEN_PASS_DEF_CONVERTTILETOASCEND
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// Whether a tile op is left as it is: the host program's own ops, which
/// closeHostPrograms turns into ascend ops after the conversion.
bool isHostProgramOp(Operation *op) {
  return isa<tile::KernelOp, tile::ReturnOp, tile::AllocGmOp>(op);
}

/// Lowers the tile ops of `kernel` that compute or move tensors, then drops
/// the tensors left in the host program.
LogicalResult convertKernel(tile::KernelOp kernel, ModuleOp module,
                            const target::TargetDescription &target) {
  // A composite is defined by the ops it expands to: no family lowers it.
  WalkResult composite = kernel.walk([](Operation *op) {
    if (!op->hasTrait<tile::kind::Composite>())
      return WalkResult::advance();
    op->emitOpError("is a composite: run --tile-expand-composites first");
    return WalkResult::interrupt();
  });
  if (composite.wasInterrupted())
    return failure();

  MLIRContext *context = kernel.getContext();
  KernelConversion state(kernel, module, target);
  GmPlaces &places = state.places;
  for (BlockArgument arg : kernel.getArguments())
    if (isa<tile::GlobalTensorType>(arg.getType()))
      places.set(arg, places.whole(arg));

  ConversionTarget legality(*context);
  // After the first error every op is legal: no further lowering, no error
  // of the driver's own. A compare stays until its select's task (which
  // computes it) is built; it is dead afterwards and cleaned up below.
  legality.addDynamicallyLegalDialect<tile::TileDialect>([&](Operation *op) {
    return state.errorReported || isHostProgramOp(op) || isa<tile::CmpOp>(op);
  });
  legality.addDynamicallyLegalOp<scf::ForOp>([&](scf::ForOp loop) {
    return state.errorReported || state.placedLoops.contains(loop) ||
           (!ascend::AscendDialect::PlacementAttrHelper(context).isAttrPresent(loop) &&
            llvm::none_of(loop.getInitArgs().getTypes(), llvm::IsaPred<RankedTensorType>));
  });
  legality.addDynamicallyLegalOp<scf::YieldOp>(
      [&](scf::YieldOp yield) { return state.errorReported || !state.pendingYields.contains(yield); });
  legality.markUnknownOpDynamicallyLegal([](Operation *) { return true; });

  RewritePatternSet patterns(context);
  populateMovePatterns(patterns, state);
  populateElementwisePatterns(patterns, state);
  populateReductionPatterns(patterns, state);
  populateCastPatterns(patterns, state);
  populateSelectionPatterns(patterns, state);
  populateCubePatterns(patterns, state);
  populateScopePatterns(patterns, state);
  populateLoopPatterns(patterns, state);
  ConversionConfig config;
  // Tile ops are lowered as they are, never folded first.
  config.foldingMode = DialectConversionFoldingMode::Never;
  if (failed(applyPartialConversion(kernel, legality, std::move(patterns), config)) ||
      state.errorReported)
    return failure();

  // Tensor values are now dead: loops drop their forwarded tensor arguments
  // and the placeholders disappear.
  RewritePatternSet cleanup(context);
  scf::ForOp::getCanonicalizationPatterns(cleanup, context);
  if (failed(applyPatternsGreedily(kernel, std::move(cleanup))))
    return kernel.emitOpError("could not clean up the lowered host program");
  WalkResult leftover = kernel.walk([](Operation *op) {
    bool tensorValue = llvm::any_of(op->getResultTypes(), llvm::IsaPred<RankedTensorType>);
    if (tensorValue) {
      op->emitOpError("still has a tensor result after the lowering");
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(leftover.wasInterrupted());
}

} // namespace

namespace {

struct ConvertTileToAscendPass
    : public tilec::impl::ConvertTileToAscendBase<ConvertTileToAscendPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    const target::TargetDescription &target = lookupModuleTarget(module);
    for (auto kernel : llvm::to_vector(module.getOps<tile::KernelOp>()))
      if (failed(convertKernel(kernel, module, target)))
        return signalPassFailure();
    if (failed(closeHostPrograms(module)))
      return signalPassFailure();
  }
};

} // namespace
