//===- MergeLaunches.cpp - independent launches on the same cores as one --===//
//
// Launches run one after the other, and a task's work items go round the
// cores block-cyclically, so when they do not divide among the cores a launch
// ends with the cores of one item fewer idle, waiting for the rest. Two
// consecutive launches of tasks on the same kind of core that share no
// global memory one of them writes can run as one: a task that runs the
// first's body, then the second's with `block_idx` rotated by the first's item
// count, so that the second's extra items go to the cores the first left with
// fewer. A task's work items must go block-cyclically, its loop the only op
// with regions at its top level (`cyclicItemCount`): the rotation needs the
// first's count and changes where the second's items run, nothing else. So
// the merged launch takes the more blocks of the two: a task launched on
// fewer (it had fewer items than cores) leaves the extra blocks no item of
// its own. Merged tasks are not merged again.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/WorkItemLoop.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/SetVector.h"

namespace tilec {
#define GEN_PASS_DEF_ASCENDMERGELAUNCHES
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::ascend;

namespace {

/// The global tensors a launch's task reads and writes: the host values
/// (through reshapes) behind the task arguments it accesses. An argument an
/// op uses without saying how counts as written.
struct GmAccess {
  llvm::SetVector<Value> read, written;
};

Value gmRoot(Value value) {
  while (auto reshape = value.getDefiningOp<GmReshapeOp>())
    value = reshape.getSource();
  return value;
}

GmAccess gmAccess(LaunchOp launch, TaskOp task) {
  GmAccess access;
  for (auto [argument, operand] : llvm::zip(task.getArguments(), launch.getArgs())) {
    if (!isa<GlobalTensorType>(argument.getType()))
      continue;
    Value root = gmRoot(operand);
    // The argument and the views of it the task takes (a reshape's result).
    SmallVector<Value> views{argument};
    while (!views.empty()) {
      Value view = views.pop_back_val();
      for (Operation *user : view.getUsers()) {
        for (Value result : user->getResults())
          if (isa<GlobalTensorType>(result.getType()))
            views.push_back(result);
        auto effects = dyn_cast<MemoryEffectOpInterface>(user);
        SmallVector<MemoryEffects::EffectInstance> instances;
        if (effects)
          effects.getEffectsOnValue(view, instances);
        bool writes = !effects || llvm::any_of(instances, [](const auto &instance) {
          return !isa<MemoryEffects::Read>(instance.getEffect());
        });
        (writes ? access.written : access.read).insert(root);
      }
    }
  }
  return access;
}

/// Whether two global tensors of the host may be the same memory: the same
/// root, or a root that is neither a kernel argument nor a tensor the host
/// allocated or defined (each of those is its own memory).
bool mayAlias(Value a, Value b) {
  auto known = [](Value root) {
    return isa<BlockArgument>(root) || root.getDefiningOp<AllocGmOp>() ||
           root.getDefiningOp<GmConstantOp>();
  };
  return a == b || !known(a) || !known(b);
}

bool independent(const GmAccess &first, const GmAccess &second) {
  auto touches = [](const llvm::SetVector<Value> &written, const GmAccess &other) {
    return llvm::any_of(written, [&](Value root) {
      return llvm::any_of(other.read, [&](Value v) { return mayAlias(root, v); }) ||
             llvm::any_of(other.written, [&](Value v) { return mayAlias(root, v); });
    });
  };
  return !touches(first.written, second) && !touches(second.written, first);
}

/// The next launch after `launch` in its block if only ops without effects
/// on memory (host arithmetic, views, allocations) lie between them.
LaunchOp nextLaunch(LaunchOp launch) {
  for (Operation *op = launch->getNextNode(); op; op = op->getNextNode()) {
    if (auto next = dyn_cast<LaunchOp>(op))
      return next;
    if (op->getNumRegions() != 0 ||
        !(isMemoryEffectFree(op) || isa<AllocGmOp, AllocRingOp>(op)))
      return nullptr;
  }
  return nullptr;
}

class Merger {
public:
  explicit Merger(ModuleOp module) : module(module), symbols(module) {}

  /// Merges `first` and `second` (the next launch) if they qualify.
  bool tryMerge(LaunchOp first, LaunchOp second) {
    auto firstTask = symbols.lookup<TaskOp>(first.getTask());
    auto secondTask = symbols.lookup<TaskOp>(second.getTask());
    if (!firstTask || !secondTask || firstTask == secondTask ||
        firstTask.getCore() != secondTask.getCore())
      return false;
    Value firstCount = conversion::cyclicItemCount(firstTask);
    if (!firstCount || !conversion::cyclicItemCount(secondTask) ||
        !independent(gmAccess(first, firstTask), gmAccess(second, secondTask)))
      return false;
    merge(first, firstTask, firstCount, second, secondTask);
    return true;
  }

private:
  void merge(LaunchOp first, TaskOp firstTask, Value firstCount, LaunchOp second,
             TaskOp secondTask) {
    // The arguments: the host values of both launches, each once.
    llvm::SetVector<Value> operands;
    operands.insert(first.getArgs().begin(), first.getArgs().end());
    operands.insert(second.getArgs().begin(), second.getArgs().end());
    SmallVector<Type> types;
    for (Value operand : operands)
      types.push_back(operand.getType());

    OpBuilder builder(secondTask);
    StringRef secondName = secondTask.getSymName();
    std::string name =
        (firstTask.getSymName() + "_" + secondName.substr(secondName.rfind('_') + 1)).str();
    auto merged = TaskOp::create(builder, secondTask.getLoc(), builder.getStringAttr(name),
                                 TypeAttr::get(builder.getFunctionType(types, {})),
                                 firstTask.getCoreAttr(), ArrayAttr(), ArrayAttr());
    mergeAttributes(merged, firstTask, secondTask);
    symbols.insert(merged);
    Block *body = builder.createBlock(&merged.getBody());
    for (Type type : types)
      body->addArgument(type, merged.getLoc());
    auto argumentOf = [&](Value operand) {
      return body->getArgument(llvm::find(operands, operand) - operands.begin());
    };

    IRMapping firstMap, secondMap;
    for (auto [argument, operand] : llvm::zip(firstTask.getArguments(), first.getArgs()))
      firstMap.map(argument, argumentOf(operand));
    for (auto [argument, operand] : llvm::zip(secondTask.getArguments(), second.getArgs()))
      secondMap.map(argument, argumentOf(operand));
    builder.setInsertionPointToEnd(body);
    for (Operation &op : firstTask.getBody().front().without_terminator())
      builder.clone(op, firstMap);

    // The second's blocks go round from where the first's items ended:
    // block (idx + dim - count mod dim) mod dim.
    Location loc = secondTask.getLoc();
    Value index = BlockIdxOp::create(builder, loc, builder.getIndexType());
    Value dim = BlockDimOp::create(builder, loc, builder.getIndexType());
    Value ahead = arith::RemUIOp::create(builder, loc, firstMap.lookup(firstCount), dim);
    Value shifted = arith::AddIOp::create(
        builder, loc, index, arith::SubIOp::create(builder, loc, dim, ahead));
    Value rotated = arith::RemUIOp::create(builder, loc, shifted, dim);
    SmallVector<BlockIdxOp> secondIndices;
    for (Operation &op : secondTask.getBody().front().without_terminator())
      builder.clone(op, secondMap)->walk([&](BlockIdxOp idx) { secondIndices.push_back(idx); });
    for (BlockIdxOp idx : secondIndices) {
      idx.replaceAllUsesWith(rotated);
      idx.erase();
    }
    ReturnOp::create(builder, loc);

    OpBuilder host(second);
    LaunchOp::create(host, second.getLoc(), merged.getSymName(), operands.getArrayRef(),
                     std::max(first.getBlocks(), second.getBlocks()));
    first.erase();
    second.erase();
    for (TaskOp task : {firstTask, secondTask})
      if (SymbolTable::symbolKnownUseEmpty(task, module))
        symbols.erase(task);
  }

  /// The fused ops of both (in order), and the strategy they share, if any.
  static void mergeAttributes(TaskOp merged, TaskOp first, TaskOp second) {
    MLIRContext *context = merged.getContext();
    AscendDialect::FusedOpsAttrHelper fusedOps(context);
    SmallVector<Attribute> ops;
    for (TaskOp task : {first, second})
      if (ArrayAttr taskOps = fusedOps.getAttr(task))
        llvm::append_range(ops, taskOps.getValue());
    if (!ops.empty())
      fusedOps.setAttr(merged, ArrayAttr::get(context, ops));
    AscendDialect::StrategyAttrHelper strategy(context);
    if (strategy.getAttr(first) && strategy.getAttr(first) == strategy.getAttr(second))
      strategy.setAttr(merged, strategy.getAttr(first));
  }

  ModuleOp module;
  SymbolTable symbols;
};

struct AscendMergeLaunches : tilec::impl::AscendMergeLaunchesBase<AscendMergeLaunches> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    Merger merger(module);
    SmallVector<LaunchOp> launches;
    module.walk([&](LaunchOp launch) { launches.push_back(launch); });
    // A merged pair's second launch is gone before the walk reaches it.
    llvm::DenseSet<Operation *> gone;
    for (LaunchOp launch : launches) {
      if (gone.contains(launch))
        continue;
      LaunchOp next = nextLaunch(launch);
      if (!next)
        continue;
      if (merger.tryMerge(launch, next))
        gone.insert(next);
    }
  }
};

} // namespace
