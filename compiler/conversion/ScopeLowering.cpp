//===- ScopeLowering.cpp - named and fused scopes of a kernel -------------===//
//
// Scopes are checked against their core group before the lowering; a scope
// whose strategy is a chunking becomes one fused task (FusedTasks.cpp), one
// whose strategy is #ascend.inline is inlined first, so that each of its ops
// becomes a task.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/CubeBlocking.h"
#include "compiler/conversion/KernelLowering.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/transforms/RowFusion.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

/// Moves the ops of `scope` in front of it, in its place.
static void inlineScope(tile::ScopeOp scope) {
  Block &body = scope.getBody().front();
  Operation *yield = body.getTerminator();
  scope.replaceAllUsesWith(yield->getOperands());
  yield->erase();
  scope->getBlock()->getOperations().splice(Block::iterator(scope), body.getOperations());
  scope.erase();
}

/// A fused scope becomes one task over chunks of its token rows, as its
/// strategy says.
LogicalResult KernelLowering::lowerScope(tile::ScopeOp scope) {
  FailureOr<ascend::ChunkingAttr> chunking = strategyOf<ascend::ChunkingAttr>(scope);
  if (failed(chunking))
    return failure();
  host.setInsertionPoint(scope);
  TaskContext context{module, host, entry, target,
                      (kernel.getSymName() + "_" + scope.getName()).str()};
  SmallVector<GmLocation> places;
  for (Value result : scope.getResults()) {
    auto type = cast<RankedTensorType>(result.getType());
    std::optional<GmLocation> hint = resultHint(result, scope);
    places.push_back(hint ? *hint
                          : scratch(scope.getLoc(), MatrixShape::of(type.getShape()),
                                    type.getElementType()));
  }
  host.setInsertionPoint(scope);
  if (failed(lowerFusedScope(
          scope, *chunking, [&](Value value) -> const GmLocation & { return locations.at(value); },
          places, context)))
    return failure();
  for (auto [result, place] : llvm::zip_equal(scope.getResults(), places))
    locations[result] = place;
  return success();
}

/// Puts the kernel in the form the lowering handles: an accumulating matmul
/// becomes a matmul and an add, and named scopes are checked against their
/// core group; scopes that are one task stay, the others are inlined (each of
/// their ops is its own task).
LogicalResult KernelLowering::prepare() {
  SmallVector<tile::ScopeOp> scopes;
  kernel.walk<WalkOrder::PreOrder>([&](tile::ScopeOp scope) { scopes.push_back(scope); });
  for (tile::ScopeOp scope : scopes) {
    bool cube = scope.getCore() == tile::CoreKind::cube;
    WalkResult misplaced = scope.getBody().walk([&](Operation *op) {
      if (!isa<tile::TileDialect>(op->getDialect()) ||
          isa<tile::LoadOp, tile::StoreOp, tile::SliceOp, tile::ReshapeOp, tile::AllocGmOp,
              tile::YieldOp, tile::ScopeOp>(op))
        return WalkResult::advance();
      if (isa<tile::MatmulOp>(op) != cube) {
        InFlightDiagnostic diag = op->emitOpError("cannot run in scope '")
                                  << scope.getName() << "' on the "
                                  << (cube ? "cube" : "vector") << " cores";
        diag.attachNote(scope.getLoc()) << "the scope is pinned to the "
                                        << (cube ? "cube" : "vector") << " cores here";
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (misplaced.wasInterrupted())
      return failure();
  }
  // The strategy says which scopes are one task; the others are inlined.
  ascend::AscendDialect::StrategyAttrHelper strategy(kernel.getContext());
  for (tile::ScopeOp scope : llvm::reverse(scopes)) {
    if (isa_and_nonnull<ascend::InlineAttr>(strategy.getAttr(scope))) {
      inlineScope(scope);
      continue;
    }
    if (failed(strategyOf<ascend::ChunkingAttr>(scope)))
      return failure();
    if (!rowfusion::fusedScopeRows(scope))
      return scope.emitOpError("is not one task: its ops do not all run row by row over the "
                               "same token rows, so its strategy must be #ascend.inline");
  }
  SmallVector<tile::MatmulOp> accumulating;
  kernel.walk([&](tile::MatmulOp matmul) {
    if (matmul.getAcc())
      accumulating.push_back(matmul);
  });
  for (tile::MatmulOp matmul : accumulating) {
    OpBuilder builder(matmul);
    auto product = tile::MatmulOp::create(builder, matmul.getLoc(), matmul.getType(),
                                          matmul.getLhs(), matmul.getRhs(), Value());
    auto sum = tile::AddOp::create(builder, matmul.getLoc(), matmul.getType(), product,
                                   matmul.getAcc());
    // The product takes the matmul's blocking, the add its `accumulate`.
    if (auto blocking = dyn_cast_or_null<ascend::BlockingAttr>(strategy.getAttr(matmul))) {
      strategy.setAttr(product, Blocking::of(blocking).toAttr(matmul.getContext()));
      if (ascend::ChunkingAttr accumulate = blocking.getAccumulate())
        strategy.setAttr(sum, accumulate);
    }
    matmul.replaceAllUsesWith(sum.getResult());
    matmul.erase();
  }
  return success();
}

