//===- DoubleBufferSetup.cpp - a work item's setup load beside the last item -===//
//
// A work item that starts by loading a buffer it then reads throughout (the
// cube task's A panel, a folded vector task's per-head operand) cannot load
// it while the item before it still reads it: the pipes wait at every item's
// start, the cube idle while the panel crosses GM → L1. With a second copy of
// each such setup buffer the loop runs two items per iteration, the second
// (if there is one) on the copies, so one item's setup load overlaps the
// other item's work. The copies take the other double-buffering stage, so
// memory planning keeps their bytes apart. Only where the copies fit on chip
// and a core may run more than one item.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/PlanMemory.h"
#include "compiler/conversion/TaskTarget.h"
#include "compiler/conversion/WorkItemLoop.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"

namespace tilec {
#define GEN_PASS_DEF_ASCENDDOUBLEBUFFERSETUP
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::ascend;

namespace {

/// The buffers of the loop's setup loads (WorkItemLoop.h).
SmallVector<AllocOp> setupBuffers(scf::ForOp items) {
  return llvm::map_to_vector(conversion::setupLoads(items), [](TLoadOp load) {
    return load.getDst().getDefiningOp<AllocOp>();
  });
}

/// Rewrites `items` (setup buffers `setup`) to run items i and i + step in
/// one iteration, the second on copies of the setup buffers.
void runTwoItemsPerIteration(scf::ForOp items, ArrayRef<AllocOp> setup) {
  Location loc = items.getLoc();
  OpBuilder b(items);
  IRMapping second;
  for (AllocOp alloc : setup) {
    // A buffer the lowering put in a stage keeps it; the copy takes the other.
    uint64_t stage = alloc.getStage().value_or(0);
    alloc.setStage(stage);
    auto copy = cast<AllocOp>(b.clone(*alloc));
    copy.setStage(1 - stage);
    second.map(alloc.getResult(), copy.getResult());
  }
  Value step = items.getStep(), upper = items.getUpperBound();
  auto pairs = scf::ForOp::create(b, loc, items.getLowerBound(), upper,
                                  arith::AddIOp::create(b, loc, step, step));
  b.setInsertionPoint(pairs.getBody()->getTerminator());
  IRMapping first;
  first.map(items.getInductionVar(), pairs.getInductionVar());
  for (Operation &op : items.getBody()->without_terminator())
    b.clone(op, first);
  Value next = arith::AddIOp::create(b, loc, pairs.getInductionVar(), step);
  Value present = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, next, upper);
  auto branch = scf::IfOp::create(b, loc, present, /*withElseRegion=*/false);
  b.setInsertionPoint(branch.thenBlock()->getTerminator());
  second.map(items.getInductionVar(), next);
  for (Operation &op : items.getBody()->without_terminator())
    b.clone(op, second);
  items.erase();
}

struct AscendDoubleBufferSetup
    : tilec::impl::AscendDoubleBufferSetupBase<AscendDoubleBufferSetup> {
  void runOnOperation() override {
    TaskOp task = getOperation();
    scf::ForOp items = conversion::workItemLoop(task);
    if (!items || setupBuffers(items).empty())
      return;
    const target::TargetDescription &target = lookupTaskTarget(task);
    int64_t cores = task.getCore() == CoreType::aic ? target.cubeCores : target.vectorCores;
    if (std::optional<int64_t> count = getConstantIntValue(items.getUpperBound()))
      if (*count <= cores)
        return;
    // Rewritten on a copy: its body replaces the task's only if the copies fit.
    OwningOpRef<TaskOp> trial = cast<TaskOp>(task->clone());
    scf::ForOp trialItems = conversion::workItemLoop(*trial);
    runTwoItemsPerIteration(trialItems, setupBuffers(trialItems));
    if (fitsOnChip(trial->getBody().front(), target))
      task.getBody().takeBody(trial->getBody());
  }
};

} // namespace
