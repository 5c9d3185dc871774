//===- FormTasks.cpp - every task of a kernel one op or one scope ---------===//
//
// Puts a kernel in the form convert-tile-to-ascend lowers, where each task is
// one op or one fused scope: the strategies (tile-select-strategy) say which
// scopes are one task; the others are inlined so that each of their ops is a
// task of its own, and an accumulating matmul becomes a product and an add
// (the cube task and the vector task). Each op or scope that is then a task
// records it, with the cores it runs on (`ascend.task = #ascend.core<aiv>`):
// the task structure is in the IR before instruction selection, which
// checks it. Views, loads and stores are not tasks: the copies some of them
// need follow from their placement (tile-place-gm).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/CubeBlocking.h"
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/transforms/RowFusion.h"

namespace tilec {
#define GEN_PASS_DEF_TILEFORMTASKS
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// Moves the ops of `scope` in front of it, in its place.
void inlineScope(tile::ScopeOp scope) {
  Block &body = scope.getBody().front();
  Operation *yield = body.getTerminator();
  scope.replaceAllUsesWith(yield->getOperands());
  yield->erase();
  scope->getBlock()->getOperations().splice(Block::iterator(scope), body.getOperations());
  scope.erase();
}

/// Whether `op`, outside any fused scope, is a task of its own: a tile op
/// computing a tensor other than a view, a load, a composite (expanded
/// before) or a compare (its select's task computes the mask).
bool isTask(Operation *op) {
  return isa<tile::TileDialect>(op->getDialect()) &&
         llvm::any_of(op->getResultTypes(), llvm::IsaPred<RankedTensorType>) &&
         !op->hasTrait<tile::kind::View>() && !op->hasTrait<tile::kind::Composite>() &&
         !isa<tile::LoadOp, tile::CmpOp>(op);
}

/// Records every task of `kernel` (`ascend.task`): each fused scope on the
/// vector cores, with the ops in it; each other op on the cores that compute it.
void markTasks(tile::KernelOp kernel) {
  MLIRContext *context = kernel.getContext();
  ascend::AscendDialect::TaskAttrHelper task(context);
  auto on = [&](ascend::CoreType core) { return ascend::CoreTypeAttr::get(context, core); };
  kernel.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (isa<tile::ScopeOp>(op)) {
      task.setAttr(op, on(ascend::CoreType::aiv));
      return WalkResult::skip();
    }
    if (isTask(op))
      task.setAttr(op, on(isa<tile::MatmulOp>(op) ? ascend::CoreType::aic
                                                  : ascend::CoreType::aiv));
    return WalkResult::advance();
  });
}

/// A cube scope keeps its promise of one task: one matmul, which does not
/// add an accumulator (that add is a vector task of its own). Its loops were
/// folded or rejected by tile-fold-k-loops.
LogicalResult checkOneCubeTask(tile::ScopeOp scope) {
  SmallVector<tile::MatmulOp> matmuls;
  scope.walk([&](tile::MatmulOp matmul) { matmuls.push_back(matmul); });
  auto error = [&](Operation *op, const Twine &why) {
    InFlightDiagnostic diag = op->emitOpError() << why << ": scope '" << scope.getName()
                                                << "' cannot run as one cube task";
    diag.attachNote(scope.getLoc()) << "the scope is pinned to the cube cores here";
    return diag;
  };
  if (matmuls.size() > 1)
    return error(matmuls[1], "is a second matmul, a second task");
  if (!matmuls.empty() && matmuls.front().getAcc())
    return error(matmuls.front(), "adds its accumulator on the vector cores, a second task");
  return success();
}

/// Named scopes checked against their core group; scopes that are one task
/// stay, the others are inlined (each of their ops is its own task); an
/// accumulating matmul becomes a matmul and an add. Every task is then
/// recorded (markTasks).
LogicalResult formTasks(tile::KernelOp kernel) {
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
                                  << scope.getName() << "' on the " << (cube ? "cube" : "vector")
                                  << " cores";
        diag.attachNote(scope.getLoc())
            << "the scope is pinned to the " << (cube ? "cube" : "vector") << " cores here";
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (misplaced.wasInterrupted())
      return failure();
    if (cube && failed(checkOneCubeTask(scope)))
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
                                          matmul.getLhs(), matmul.getRhs(), Value(),
                                          matmul.getTransposeB());
    auto sum =
        tile::AddOp::create(builder, matmul.getLoc(), matmul.getType(), product, matmul.getAcc());
    // The product takes the matmul's blocking, the add its `accumulate`.
    if (auto blocking = dyn_cast_or_null<ascend::BlockingAttr>(strategy.getAttr(matmul))) {
      strategy.setAttr(product, Blocking::of(blocking).toAttr(matmul.getContext()));
      if (ascend::ChunkingAttr accumulate = blocking.getAccumulate())
        strategy.setAttr(sum, accumulate);
    }
    matmul.replaceAllUsesWith(sum.getResult());
    matmul.erase();
  }
  markTasks(kernel);
  return success();
}

struct TileFormTasksPass : public tilec::impl::TileFormTasksBase<TileFormTasksPass> {
  void runOnOperation() override {
    for (auto kernel : getOperation().getOps<tile::KernelOp>())
      if (failed(formTasks(kernel)))
        return signalPassFailure();
  }
};

} // namespace
