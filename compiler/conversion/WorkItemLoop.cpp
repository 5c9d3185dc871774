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
} // namespace

scf::ForOp tilec::conversion::workItemLoop(TaskOp task) {
  scf::ForOp found;
  for (Operation &op : task.getBody().front()) {
    auto loop = dyn_cast<scf::ForOp>(op);
    if (!loop)
      continue;
    Value lower = loop.getLowerBound(), step = loop.getStep();
    bool cyclic = lower.getDefiningOp<BlockIdxOp>() && step.getDefiningOp<BlockDimOp>();
    bool contiguous = contiguousStart(lower) && getConstantIntValue(step) == 1;
    if (found || !(cyclic || contiguous) || !loop.getInitArgs().empty())
      return nullptr;
    found = loop;
  }
  return found;
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
