//===- ScopeLowering.cpp - named and fused scopes of a kernel -------------===//
//
// Scopes are checked against their core group before the lowering; a vector
// scope whose ops all run row by row becomes one fused task (FusedTasks.cpp),
// any other scope is inlined so that each of its ops becomes a task.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelLowering.h"
#include "compiler/transforms/RowFusion.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

/// Moves the ops of `scope` in front of it, in its place; returns them.
static SmallVector<Operation *> inlineScope(tile::ScopeOp scope) {
  Block &body = scope.getBody().front();
  Operation *yield = body.getTerminator();
  scope.replaceAllUsesWith(yield->getOperands());
  yield->erase();
  SmallVector<Operation *> ops = llvm::map_to_vector(body, [](Operation &op) { return &op; });
  scope->getBlock()->getOperations().splice(Block::iterator(scope), body.getOperations());
  scope.erase();
  return ops;
}

/// A fused scope becomes one task over chunks of its token rows; when not
/// even one row fits UB, its ops are lowered one by one.
LogicalResult KernelLowering::lowerScope(tile::ScopeOp scope) {
  int64_t rows = *rowfusion::fusedScopeRows(scope);
  host.setInsertionPoint(scope);
  TaskContext context{module, host, entry, target,
                      (kernel.getSymName() + "_" + scope.getName()).str()};
  auto placeResults = [&] {
    SmallVector<GmLocation> places;
    for (Value result : scope.getResults()) {
      auto type = cast<RankedTensorType>(result.getType());
      std::optional<GmLocation> hint = resultHint(result, scope);
      places.push_back(hint ? *hint
                            : scratch(scope.getLoc(), MatrixShape::of(type.getShape()),
                                      type.getElementType()));
    }
    host.setInsertionPoint(scope);
    return places;
  };
  // A parallel loop around the scope may run its iterations in one launch
  // (ascend-fold-parallel-loops): they share the cores.
  int64_t copies = 1;
  if (auto loop = scope->getParentOfType<scf::ForOp>();
      loop && tile::TileDialect::ParallelAttrHelper(loop.getContext()).isAttrPresent(loop)) {
    std::optional<int64_t> lower = rowfusion::constantIndex(loop.getLowerBound()),
                           upper = rowfusion::constantIndex(loop.getUpperBound()),
                           step = rowfusion::constantIndex(loop.getStep());
    if (lower && upper && step && *step > 0 && *upper > *lower)
      copies = (*upper - *lower + *step - 1) / *step;
  }
  SmallVector<GmLocation> places;
  FailureOr<bool> fused = lowerFusedScope(
      scope, rows, copies, [&](Value value) -> const GmLocation & { return locations.at(value); },
      [&] { return places = placeResults(); }, context);
  if (failed(fused))
    return failure();
  if (!*fused) {
    for (Operation *op : inlineScope(scope))
      if (failed(lowerOp(op)))
        return failure();
    return success();
  }
  for (auto [result, place] : llvm::zip_equal(scope.getResults(), places))
    locations[result] = place;
  return success();
}

/// Puts the kernel in the form the lowering handles: an accumulating matmul
/// becomes a matmul and an add, and named scopes are checked against their
/// core group; vector scopes that run in row chunks stay (one task each), the
/// others are inlined (each of their ops is its own task).
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
  for (tile::ScopeOp scope : llvm::reverse(scopes))
    if (!rowfusion::fusedScopeRows(scope))
      inlineScope(scope);
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
    matmul.replaceAllUsesWith(sum.getResult());
    matmul.erase();
  }
  return success();
}

