//===- FoldParallelLoops.cpp - a parallel host loop of launches as one launch -===//
//
// A host loop marked `tile.parallel` whose body is index arithmetic and one
// launch runs that task trip-count times, one launch after the other, each
// with few work items (the DeepSeek-V4 kernel's per-head loop: 64 launches of
// 128 rows). Its iterations are independent, so one launch can run them all:
// the task's work-item loop covers iterations × items, each item recomputes
// its iteration's arguments from the host arithmetic (cloned into the task),
// and the setup the task did once per launch, where it depends on those
// arguments, moves into the loop, after the item's own loads. A task over
// run-time token rows has as many items as its argument computed before the
// loop says (TaskBuilder's forEachRowItem); the folded loop then covers
// iterations × that argument.
// A mixed launch (a cube task and its vector consumer, PairedTasks.cpp)
// folds both tasks alike, so their work items stay the same slots.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/TaskTarget.h"
#include "compiler/conversion/WorkItemLoop.h"
#include "dialects/Tile/TileDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/SetVector.h"

namespace tilec {
#define GEN_PASS_DEF_ASCENDFOLDPARALLELLOOPS
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::ascend;

namespace {

/// The task's work-item loop (WorkItemLoop.h) if its item count is a
/// constant or an argument of the task, which folding can multiply.
scf::ForOp foldableItemLoop(TaskOp task) {
  scf::ForOp loop = conversion::workItemLoop(task);
  if (!loop || !(matchPattern(loop.getUpperBound(), m_Constant()) ||
                 isa<BlockArgument>(loop.getUpperBound())))
    return nullptr;
  return loop;
}

/// The launch (`ascend.launch`, or `ascend.launch_mixed`, whose two tasks
/// fold alike) a parallel loop repeats, if its body is just that launch and
/// pure arithmetic on the induction variable and constants, with constant
/// bounds.
Operation *repeatedLaunch(scf::ForOp loop) {
  if (!tile::TileDialect::ParallelAttrHelper(loop.getContext()).isAttrPresent(loop) ||
      !loop.getInitArgs().empty() ||
      !matchPattern(loop.getLowerBound(), m_Constant()) ||
      !matchPattern(loop.getUpperBound(), m_Constant()) ||
      !matchPattern(loop.getStep(), m_Constant()))
    return nullptr;
  Operation *launch = nullptr;
  for (Operation &op : loop.getBody()->without_terminator()) {
    if (isa<LaunchOp, LaunchMixedOp>(op)) {
      if (launch)
        return nullptr;
      launch = &op;
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

/// The iterations of `loop` (constant bounds).
int64_t tripsOf(scf::ForOp loop) {
  int64_t lower = constantOf(loop.getLowerBound()), upper = constantOf(loop.getUpperBound()),
          step = constantOf(loop.getStep());
  return upper > lower ? (upper - lower + step - 1) / step : 0;
}

/// Whether the task `name` that `loop` launches with `args` can fold: one
/// work-item loop, over a constant or an argument computed before the loop.
bool isFoldable(StringRef name, scf::ForOp loop, ValueRange args, SymbolTable &symbols) {
  auto task = symbols.lookup<TaskOp>(name);
  scf::ForOp items = task ? foldableItemLoop(task) : nullptr;
  if (!items || tripsOf(loop) <= 1)
    return false;
  if (auto perTripArgument = dyn_cast<BlockArgument>(items.getUpperBound()))
    return args[perTripArgument.getArgNumber()].getParentBlock() != loop.getBody();
  return constantOf(items.getUpperBound()) > 0;
}

/// The ops that use what `op` defines or touches: its results, and the
/// tiles and global tensors it reads or writes.
SmallVector<Operation *> dependentUsers(Operation *op) {
  SmallVector<Operation *> users(op->getUsers());
  for (Value operand : op->getOperands())
    if (isa<TileBufferType, GlobalTensorType>(operand.getType()))
      for (Operation *user : operand.getUsers())
        if (user != op)
          users.push_back(user);
  return users;
}

/// Moves each of `ops` (in order, all in `block`) later: right after the last
/// load before the first op that uses it (dependentUsers), in `block` or, when
/// a loop of `block` holds every use (the work item's chunk loop), in that
/// loop's body, run again in each of its iterations. A moved setup load then
/// no longer heads the work item: the chunks' loads come first, so in a
/// double-buffered item the first chunk's overlap the previous item's second
/// chunk instead of queueing on MTE2 behind a load into the one setup buffer,
/// which must wait for that chunk's vector work to end; in the chunk loop it
/// waits only for the previous chunk's read of it. Placed after the chunk's
/// loads, before its vector work, the load takes no temporary's bytes the
/// vector pipe is still reading (memory is planned later). It passes loads
/// only up to the first store, which may write what it reads.
void sinkToFirstUse(ArrayRef<Operation *> ops, Block &block) {
  for (Operation *op : llvm::reverse(ops)) {
    SmallVector<Operation *> users = dependentUsers(op);
    Block *target = &block;
    Operation *first = nullptr;
    while (true) {
      first = nullptr;
      for (Operation *user : users) {
        Operation *holder = target->findAncestorOpInBlock(*user);
        if (holder && holder != op &&
            (op->getBlock() != target || op->isBeforeInBlock(holder)) &&
            (!first || holder->isBeforeInBlock(first)))
          first = holder;
      }
      auto loop = dyn_cast_or_null<scf::ForOp>(first);
      if (!loop || !llvm::all_of(users, [&](Operation *user) { return loop->isAncestor(user); }))
        break;
      target = loop.getBody();
    }
    if (!first)
      continue;
    Operation *after = nullptr;
    Operation *from = op->getBlock() == target ? op->getNextNode() : &target->front();
    for (Operation *between = from; between != first; between = between->getNextNode()) {
      if (isa<TStoreOp, TPushOp>(between))
        break;
      if (isa<TLoadOp>(between))
        after = between;
    }
    if (after)
      op->moveAfter(after);
    else if (target != op->getBlock())
      op->moveBefore(first);
  }
}

/// Folds the task `name` that `launch` (in `loop`, with `args`) runs: its
/// work items cover every iteration's, iteration-major unless
/// `iterationMinor`. Returns the folded task (a copy when something else
/// launches it too) and, in `launched`, the blocks one iteration's launch
/// used.
FailureOr<TaskOp> foldTask(StringRef name, scf::ForOp loop, Operation *launch, ValueRange args,
                           int64_t blocks, bool iterationMinor, SymbolTable &symbols,
                           int64_t &launched) {
  auto task = symbols.lookup<TaskOp>(name);
  scf::ForOp items = foldableItemLoop(task);
  int64_t lower = constantOf(loop.getLowerBound()), step = constantOf(loop.getStep());
  int64_t trips = tripsOf(loop);
  int64_t perTrip = constantOf(items.getUpperBound());
  auto perTripArgument = dyn_cast<BlockArgument>(items.getUpperBound());

  // A task only this loop launches changes in place; otherwise a copy does.
  if (!conversion::onlyLaunchedBy(task, launch)) {
    task = cast<TaskOp>(task->clone());
    symbols.insert(task);
    items = foldableItemLoop(task);
  }
  if (perTripArgument)
    perTripArgument = task.getBody().front().getArgument(perTripArgument.getArgNumber());

  // Item i of the new loop is item i % perTrip of iteration i / perTrip, or,
  // iteration-minor, item i / trips of iteration i % trips.
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
  Value iteration, inner;
  if (iterationMinor) {
    Value tripsValue = arith::ConstantIndexOp::create(b, loc, trips);
    iteration = arith::RemUIOp::create(b, loc, item, tripsValue);
    inner = arith::DivUIOp::create(b, loc, item, tripsValue);
  } else {
    iteration = arith::DivUIOp::create(b, loc, item, perTripValue);
    inner = arith::RemUIOp::create(b, loc, item, perTripValue);
  }
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
    if (&op == launch)
      continue;
    for (Value operand : op.getOperands())
      if (!hostToTask.contains(operand) && operand.getParentBlock() != loop.getBody())
        hostToTask.map(operand, b.clone(*operand.getDefiningOp())->getResult(0));
    b.clone(op, hostToTask);
  }
  llvm::BitVector dropped(body.getNumArguments());
  for (auto [index, arg] : llvm::enumerate(args)) {
    if (arg.getParentBlock() == loop.getBody()) {
      body.getArgument(index).replaceAllUsesWith(hostToTask.lookup(arg));
      dropped.set(index);
    }
  }
  // Setup before the loop that now depends on the iteration moves into it.
  llvm::SetVector<Operation *> moved;
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
  sinkToFirstUse(moved.getArrayRef(), *items.getBody());
  if (failed(task.eraseArguments(dropped)))
    return failure();
  // With run-time items, the blocks of one launch at the bound.
  launched = perTripArgument ? blocks : perTrip;
  return task;
}

/// The arguments of `launch` that are not computed in `loop`'s body.
SmallVector<Value> keptArguments(ValueRange args, scf::ForOp loop) {
  SmallVector<Value> kept;
  for (Value arg : args)
    if (arg.getParentBlock() != loop.getBody())
      kept.push_back(arg);
  return kept;
}

LogicalResult foldLoop(scf::ForOp loop, Operation *launch, SymbolTable &symbols) {
  int64_t trips = tripsOf(loop), launched = 0;
  OpBuilder host(loop);
  if (auto single = dyn_cast<LaunchOp>(launch)) {
    if (!isFoldable(single.getTask(), loop, single.getArgs(), symbols))
      return failure();
    FailureOr<TaskOp> task =
        foldTask(single.getTask(), loop, launch, single.getArgs(), int64_t(single.getBlocks()),
                 /*iterationMinor=*/false, symbols, launched);
    if (failed(task))
      return failure();
    const target::TargetDescription &target = lookupTaskTarget(*task);
    int64_t cores = task->getCore() == CoreType::aic ? target.cubeCores : target.vectorCores;
    LaunchOp::create(host, launch->getLoc(), task->getSymName(),
                     keptArguments(single.getArgs(), loop),
                     uint64_t(std::min<int64_t>(trips * launched, cores)));
  } else {
    // Both sides fold alike, so cluster b's AIC and AIVs still meet on the
    // same slots in the same order. Iteration-minor: consecutive slots are
    // the iterations' (the flagship's heads') blocks of one row block, whose
    // A panel the cube can then keep (ascend-reuse-setup).
    auto mixed = cast<LaunchMixedOp>(launch);
    if (!isFoldable(mixed.getCube(), loop, mixed.getArgs(), symbols) ||
        !isFoldable(mixed.getVector(), loop, mixed.getArgs(), symbols))
      return failure();
    int64_t blocks = int64_t(mixed.getBlocks());
    FailureOr<TaskOp> cube = foldTask(mixed.getCube(), loop, launch, mixed.getArgs(), blocks,
                                      /*iterationMinor=*/true, symbols, launched);
    if (failed(cube))
      return failure();
    FailureOr<TaskOp> vector = foldTask(mixed.getVector(), loop, launch, mixed.getArgs(), blocks,
                                        /*iterationMinor=*/true, symbols, launched);
    if (failed(vector))
      return failure();
    const target::TargetDescription &target = lookupTaskTarget(*cube);
    LaunchMixedOp::create(host, launch->getLoc(), cube->getSymName(), vector->getSymName(),
                          keptArguments(mixed.getArgs(), loop),
                          uint64_t(std::min<int64_t>(trips * launched, target.clusters)));
  }
  loop.erase();
  return success();
}

struct AscendFoldParallelLoops
    : tilec::impl::AscendFoldParallelLoopsBase<AscendFoldParallelLoops> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<std::pair<scf::ForOp, Operation *>> candidates;
    module.walk([&](scf::ForOp loop) {
      if (loop->getParentOfType<TaskOp>())
        return;
      if (Operation *launch = repeatedLaunch(loop))
        candidates.emplace_back(loop, launch);
    });
    for (auto [loop, launch] : candidates)
      (void)foldLoop(loop, launch, symbols);
  }
};

} // namespace
