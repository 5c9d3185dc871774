//===- WorkItemLoop.cpp - the loop over a lowered task's work items --------===//
#include "compiler/conversion/WorkItemLoop.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/SymbolTable.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::ascend;

namespace {
/// Whether `lower` is `block_idx · N / block_dim`, the first item of the
/// core's contiguous range.
bool contiguousStart(Value lower) {
  auto start = lower.getDefiningOp<arith::DivUIOp>();
  auto offset = start ? start.getLhs().getDefiningOp<arith::MulIOp>() : arith::MulIOp();
  return offset && offset.getLhs().getDefiningOp<BlockIdxOp>() &&
         start.getRhs().getDefiningOp<BlockDimOp>();
}

/// Whether `step` is block_dim, or `block_dim + block_dim` with
/// `pairsToo` (ascend-double-buffer-setup's loop over pairs of items).
bool blockDimStep(Value step, bool pairsToo) {
  if (step.getDefiningOp<BlockDimOp>())
    return true;
  auto sum = step.getDefiningOp<arith::AddIOp>();
  return pairsToo && sum && sum.getLhs() == sum.getRhs() &&
         sum.getLhs().getDefiningOp<BlockDimOp>();
}

/// Whether `loop` goes from block_idx by block_dim (or pairs of it).
bool cyclic(scf::ForOp loop, bool pairsToo) {
  return loop.getLowerBound().getDefiningOp<BlockIdxOp>() &&
         blockDimStep(loop.getStep(), pairsToo);
}
} // namespace

scf::ForOp tilec::conversion::workItemLoop(TaskOp task) {
  scf::ForOp found;
  for (Operation &op : task.getBody().front()) {
    auto loop = dyn_cast<scf::ForOp>(op);
    if (!loop)
      continue;
    bool contiguous =
        contiguousStart(loop.getLowerBound()) && getConstantIntValue(loop.getStep()) == 1;
    if (found || !(cyclic(loop, /*pairsToo=*/false) || contiguous) || !loop.getInitArgs().empty())
      return nullptr;
    found = loop;
  }
  return found;
}

Value tilec::conversion::cyclicItemCount(TaskOp task) {
  Value count;
  for (Operation &op : task.getBody().front()) {
    if (op.getNumRegions() == 0)
      continue;
    auto loop = dyn_cast<scf::ForOp>(op);
    if (count || !loop || !cyclic(loop, /*pairsToo=*/true))
      return Value();
    count = loop.getUpperBound();
  }
  return count;
}

SmallVector<TLoadOp> tilec::conversion::setupLoads(scf::ForOp items) {
  SmallVector<TLoadOp> loads;
  SmallVector<AllocOp> buffers;
  Block *body = items.getBody();
  for (Operation &op : *body) {
    auto load = dyn_cast<TLoadOp>(op);
    auto alloc = load ? load.getDst().getDefiningOp<AllocOp>() : nullptr;
    if (!alloc || alloc->getBlock() != items->getBlock() || llvm::is_contained(buffers, alloc))
      continue;
    bool firstHere = llvm::all_of(alloc->getUsers(), [&](Operation *user) {
      Operation *holder = body->findAncestorOpInBlock(*user);
      return holder && (holder == load || load->isBeforeInBlock(holder));
    });
    if (firstHere) {
      buffers.push_back(alloc);
      loads.push_back(load);
    }
  }
  return loads;
}

bool tilec::conversion::onlyLaunchedBy(TaskOp task, Operation *launch) {
  auto uses = SymbolTable::getSymbolUses(task, task->getParentOfType<ModuleOp>());
  return uses && llvm::all_of(*uses, [&](SymbolTable::SymbolUse use) {
           return use.getUser() == launch;
         });
}
