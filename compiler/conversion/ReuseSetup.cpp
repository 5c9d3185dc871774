//===- ReuseSetup.cpp - consecutive work items keep a setup buffer --------===//
//
// A mixed launch's cube task loads A's row panel at the start of every work
// item (a ring slot), though the folded launch's consecutive items are the
// slots of one row block (ascend-fold-parallel-loops folds mixed launches
// iteration-minor): 64 slots per row block share one panel. Round robin, a
// core's consecutive items are block_dim apart and share nothing; here both
// tasks of the launch take each core's items as one contiguous range
// instead (so the cluster's AIC and AIVs still meet on the same slots in the
// same order), and a setup load whose window changes only with a quotient
// of the item (`item / d`) runs once per value of that quotient, in a loop
// around the items that share it. The panel then crosses GM → L1 once or
// twice per core instead of once per slot.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/TaskTarget.h"
#include "compiler/conversion/WorkItemLoop.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/SetVector.h"

namespace tilec {
#define GEN_PASS_DEF_ASCENDREUSESETUP
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::ascend;

namespace {

/// Whether `value` depends on the induction variable `iv` of `loop`.
bool dependsOn(Value value, Value iv, scf::ForOp loop) {
  if (value == iv)
    return true;
  Operation *def = value.getDefiningOp();
  if (!def || !loop->isAncestor(def))
    return false;
  return llvm::any_of(def->getOperands(),
                      [&](Value operand) { return dependsOn(operand, iv, loop); });
}

/// Whether `value` depends on `iv` only through quotients `iv / d` (d not
/// depending on `iv`), which it adds to `quotients`, by ops free of memory
/// effects.
bool onlyThroughQuotients(Value value, Value iv, scf::ForOp loop,
                          llvm::SetVector<arith::DivUIOp> &quotients) {
  if (value == iv)
    return false;
  Operation *def = value.getDefiningOp();
  if (!def || !loop->isAncestor(def))
    return true;
  if (auto quotient = dyn_cast<arith::DivUIOp>(def);
      quotient && quotient.getLhs() == iv && !dependsOn(quotient.getRhs(), iv, loop)) {
    quotients.insert(quotient);
    return true;
  }
  return isMemoryEffectFree(def) && llvm::all_of(def->getOperands(), [&](Value operand) {
           return onlyThroughQuotients(operand, iv, loop, quotients);
         });
}

/// The ops of `loop`'s body that `value` is computed by, up to `quotient`.
void collectComputation(Value value, scf::ForOp loop, arith::DivUIOp quotient,
                        llvm::SetVector<Operation *> &ops) {
  Operation *def = value.getDefiningOp();
  if (!def || def == quotient || !loop->isAncestor(def) || ops.contains(def))
    return;
  for (Value operand : def->getOperands())
    collectComputation(operand, loop, quotient, ops);
  ops.insert(def);
}

/// The loop over the core's contiguous range of the items instead of every
/// block_dim-th: items [b·N / D, (b + 1)·N / D) on core b of D.
void makeContiguous(scf::ForOp items) {
  OpBuilder b(items);
  Location loc = items.getLoc();
  Value core = items.getLowerBound(), cores = items.getStep(), count = items.getUpperBound();
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  auto boundOf = [&](Value index) -> Value {
    return arith::DivUIOp::create(b, loc, arith::MulIOp::create(b, loc, index, count), cores);
  };
  Value next = arith::AddIOp::create(b, loc, core, one);
  items.getLowerBoundMutable().assign(boundOf(core));
  items.getUpperBoundMutable().assign(boundOf(next));
  items.getStepMutable().assign(one);
}

/// Nests `items` (a contiguous range, step 1) in a loop over the values of
/// `quotient` (item / d) its items take, and moves `loads` there: each runs
/// once per quotient, its window computed from the quotient, before the
/// items that share it.
void loadOncePerQuotient(scf::ForOp items, ArrayRef<TLoadOp> loads, arith::DivUIOp quotient) {
  OpBuilder b(items);
  Location loc = items.getLoc();
  Value lower = items.getLowerBound(), upper = items.getUpperBound();
  Value divisor = quotient.getRhs();
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value firstQuotient = arith::DivUIOp::create(b, loc, lower, divisor);
  Value endQuotient = arith::DivUIOp::create(
      b, loc, arith::AddIOp::create(b, loc, upper, b.createOrFold<arith::SubIOp>(loc, divisor, one)),
      divisor);
  auto outer = scf::ForOp::create(b, loc, firstQuotient, endQuotient, one);
  b.setInsertionPoint(outer.getBody()->getTerminator());
  Value current = outer.getInductionVar();
  // The loads' windows, from the quotient instead of the item.
  IRMapping fromQuotient;
  fromQuotient.map(quotient.getResult(), current);
  llvm::SetVector<Operation *> window;
  for (TLoadOp load : loads)
    for (Value operand : load->getOperands())
      collectComputation(operand, items, quotient, window);
  for (Operation &op : items.getBody()->without_terminator())
    if (window.contains(&op))
      b.clone(op, fromQuotient);
  for (TLoadOp load : loads) {
    b.clone(*load, fromQuotient);
    load.erase();
  }
  Value start = arith::MulIOp::create(b, loc, current, divisor);
  Value end = arith::AddIOp::create(b, loc, start, divisor);
  Value from = arith::MaxUIOp::create(b, loc, lower, start);
  Value to = arith::MinUIOp::create(b, loc, upper, end);
  items->moveBefore(outer.getBody()->getTerminator());
  items.getLowerBoundMutable().assign(from);
  items.getUpperBoundMutable().assign(to);
}

struct AscendReuseSetup : tilec::impl::AscendReuseSetupBase<AscendReuseSetup> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    module.walk([&](LaunchMixedOp launch) {
      auto cube = symbols.lookup<TaskOp>(launch.getCube());
      auto vector = symbols.lookup<TaskOp>(launch.getVector());
      if (!cube || !vector || !conversion::onlyLaunchedBy(cube, launch) ||
          !conversion::onlyLaunchedBy(vector, launch))
        return;
      scf::ForOp cubeItems = conversion::workItemLoop(cube);
      scf::ForOp vectorItems = conversion::workItemLoop(vector);
      if (!cubeItems || !vectorItems || !cubeItems.getLowerBound().getDefiningOp<BlockIdxOp>() ||
          !vectorItems.getLowerBound().getDefiningOp<BlockIdxOp>())
        return;
      // With at most one item per cluster, no item follows another.
      std::optional<int64_t> count = getConstantIntValue(cubeItems.getUpperBound());
      if (count && *count <= lookupTaskTarget(cube).clusters)
        return;
      // The setup loads whose window moves with one quotient of the item,
      // the first such load's.
      SmallVector<TLoadOp> kept;
      arith::DivUIOp quotient;
      for (TLoadOp load : conversion::setupLoads(cubeItems)) {
        llvm::SetVector<arith::DivUIOp> quotients;
        bool window = llvm::all_of(load->getOperands(), [&](Value operand) {
          return onlyThroughQuotients(operand, cubeItems.getInductionVar(), cubeItems,
                                      quotients);
        });
        arith::DivUIOp only = quotients.size() == 1 ? quotients.front() : arith::DivUIOp();
        Operation *divisor = only ? only.getRhs().getDefiningOp() : nullptr;
        if (!window || !only || (quotient && only != quotient) ||
            (divisor && cubeItems->isAncestor(divisor)))
          continue;
        quotient = only;
        kept.push_back(load);
      }
      if (kept.empty())
        return;
      makeContiguous(cubeItems);
      makeContiguous(vectorItems);
      loadOncePerQuotient(cubeItems, kept, quotient);
    });
  }
};

} // namespace
