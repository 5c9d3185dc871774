//===- FoldParallelLoops.cpp - a parallel host loop of launches as one launch -===//
//
// A host loop marked `tile.parallel` whose body is index arithmetic and one
// launch runs that task trip-count times, one launch after the other, each
// with few work items (the DeepSeek-V4 kernel's per-head loop: 64 launches of
// 128 rows). Its iterations are independent, so one launch can run them all:
// the task's work-item loop covers iterations × items, each item recomputes
// its iteration's arguments from the host arithmetic (cloned into the task),
// and the setup the task did once per launch, where it depends on those
// arguments, moves into the loop. A task over run-time token rows has as
// many items as its argument computed before the loop says (TaskBuilder's
// forEachRowItem); the folded loop then covers iterations × that argument.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/TaskTarget.h"
#include "dialects/Tile/TileDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace tilec {
#define GEN_PASS_DEF_ASCENDFOLDPARALLELLOOPS
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::ascend;

namespace {

/// The loop `for item = block_idx to items step block_dim` of a task built
/// by the lowering, if the task has exactly one at its top level; `items` is
/// a constant or an argument of the task.
scf::ForOp workItemLoop(TaskOp task) {
  scf::ForOp found;
  for (Operation &op : task.getBody().front()) {
    auto loop = dyn_cast<scf::ForOp>(op);
    if (!loop)
      continue;
    if (found || !loop.getLowerBound().getDefiningOp<BlockIdxOp>() ||
        !loop.getStep().getDefiningOp<BlockDimOp>() || !loop.getInitArgs().empty() ||
        !(matchPattern(loop.getUpperBound(), m_Constant()) ||
          isa<BlockArgument>(loop.getUpperBound())))
      return nullptr;
    found = loop;
  }
  return found;
}

/// The launch a parallel loop repeats, if its body is just that launch and
/// pure arithmetic on the induction variable and constants, with constant
/// bounds.
LaunchOp repeatedLaunch(scf::ForOp loop) {
  if (!tile::TileDialect::ParallelAttrHelper(loop.getContext()).isAttrPresent(loop) ||
      !loop.getInitArgs().empty() ||
      !matchPattern(loop.getLowerBound(), m_Constant()) ||
      !matchPattern(loop.getUpperBound(), m_Constant()) ||
      !matchPattern(loop.getStep(), m_Constant()))
    return nullptr;
  LaunchOp launch;
  for (Operation &op : loop.getBody()->without_terminator()) {
    if (auto found = dyn_cast<LaunchOp>(op)) {
      if (launch)
        return nullptr;
      launch = found;
      continue;
    }
    if (!isPure(&op) || op.getNumRegions() != 0)
      return nullptr;
    for (Value operand : op.getOperands())
      if (operand.getParentBlock() != loop.getBody() && !matchPattern(operand, m_Constant()))
        return nullptr;
  }
  return launch;
}

int64_t constantOf(Value value) { return getConstantIntValue(value).value_or(0); }

LogicalResult foldLoop(scf::ForOp loop, LaunchOp launch, SymbolTable &symbols) {
  auto task = symbols.lookup<TaskOp>(launch.getTask());
  scf::ForOp items = task ? workItemLoop(task) : nullptr;
  if (!items)
    return failure();
  const target::TargetDescription &target = lookupTaskTarget(task);
  int64_t lower = constantOf(loop.getLowerBound()), upper = constantOf(loop.getUpperBound()),
          step = constantOf(loop.getStep());
  int64_t trips = upper > lower ? (upper - lower + step - 1) / step : 0;
  int64_t perTrip = constantOf(items.getUpperBound());
  auto perTripArgument = dyn_cast<BlockArgument>(items.getUpperBound());
  if (trips <= 1 || (!perTripArgument && perTrip <= 0) ||
      (perTripArgument &&
       launch.getArgs()[perTripArgument.getArgNumber()].getParentBlock() == loop.getBody()))
    return failure();

  // A task only this loop launches changes in place; otherwise a copy does.
  auto uses = SymbolTable::getSymbolUses(task, loop->getParentOfType<ModuleOp>());
  if (!uses || !llvm::all_of(*uses, [&](SymbolTable::SymbolUse use) {
        return use.getUser() == launch.getOperation();
      })) {
    task = cast<TaskOp>(task->clone());
    symbols.insert(task);
    items = workItemLoop(task);
  }
  if (perTripArgument)
    perTripArgument = task.getBody().front().getArgument(perTripArgument.getArgNumber());

  // Item i of the new loop is item i % perTrip of iteration i / perTrip.
  Block &body = task.getBody().front();
  Location loc = items.getLoc();
  OpBuilder b(items);
  Value perTripValue = perTripArgument;
  if (perTripArgument)
    items.getUpperBoundMutable().assign(
        arith::MulIOp::create(b, loc, arith::ConstantIndexOp::create(b, loc, trips),
                              perTripArgument)
            .getResult());
  else
    items.getUpperBoundMutable().assign(
        arith::ConstantIndexOp::create(b, loc, trips * perTrip).getResult());
  b.setInsertionPointToStart(items.getBody());
  Value item = items.getInductionVar();
  if (!perTripArgument)
    perTripValue = arith::ConstantIndexOp::create(b, loc, perTrip);
  Value iteration = arith::DivUIOp::create(b, loc, item, perTripValue);
  Value inner = arith::RemUIOp::create(b, loc, item, perTripValue);
  SmallPtrSet<Operation *, 2> splitting = {iteration.getDefiningOp(), inner.getDefiningOp()};
  item.replaceAllUsesExcept(inner, splitting);
  Value iv = arith::AddIOp::create(
      b, loc, arith::ConstantIndexOp::create(b, loc, lower),
      arith::MulIOp::create(b, loc, iteration, arith::ConstantIndexOp::create(b, loc, step)));

  // Arguments computed in the loop body are recomputed in the task (with
  // their constants: a task sees nothing of the host).
  IRMapping hostToTask;
  hostToTask.map(loop.getInductionVar(), iv);
  for (Operation &op : loop.getBody()->without_terminator()) {
    if (&op == launch.getOperation())
      continue;
    for (Value operand : op.getOperands())
      if (!hostToTask.contains(operand) && operand.getParentBlock() != loop.getBody())
        hostToTask.map(operand, b.clone(*operand.getDefiningOp())->getResult(0));
    b.clone(op, hostToTask);
  }
  SmallVector<Value> keptArgs;
  llvm::BitVector dropped(body.getNumArguments());
  for (auto [index, arg] : llvm::enumerate(launch.getArgs())) {
    if (arg.getParentBlock() == loop.getBody()) {
      body.getArgument(index).replaceAllUsesWith(hostToTask.lookup(arg));
      dropped.set(index);
    } else {
      keptArgs.push_back(arg);
    }
  }
  // Setup before the loop that now depends on the iteration moves into it,
  // in its order, after the recomputed arguments.
  llvm::SmallPtrSet<Operation *, 16> moved;
  for (Operation &op : llvm::make_early_inc_range(body)) {
    if (&op == items.getOperation())
      break;
    bool dependsOnIteration = llvm::any_of(op.getOperands(), [&](Value operand) {
      Operation *def = operand.getDefiningOp();
      return def && (moved.contains(def) || items->isAncestor(def));
    });
    if (dependsOnIteration) {
      op.moveBefore(b.getInsertionBlock(), b.getInsertionPoint());
      moved.insert(&op);
    }
  }
  if (failed(task.eraseArguments(dropped)))
    return failure();

  int64_t cores = task.getCore() == CoreType::aic ? target.cubeCores : target.vectorCores;
  OpBuilder host(loop);
  // With run-time items, the blocks of one launch at the bound, times trips.
  int64_t launched = perTripArgument ? int64_t(launch.getBlocks()) : perTrip;
  LaunchOp::create(host, launch.getLoc(), task.getSymName(), keptArgs,
                   uint64_t(std::min<int64_t>(trips * launched, cores)));
  loop.erase();
  return success();
}

struct AscendFoldParallelLoops
    : tilec::impl::AscendFoldParallelLoopsBase<AscendFoldParallelLoops> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<std::pair<scf::ForOp, LaunchOp>> candidates;
    module.walk([&](scf::ForOp loop) {
      if (loop->getParentOfType<TaskOp>())
        return;
      if (LaunchOp launch = repeatedLaunch(loop))
        candidates.emplace_back(loop, launch);
    });
    for (auto [loop, launch] : candidates)
      (void)foldLoop(loop, launch, symbols);
  }
};

} // namespace
