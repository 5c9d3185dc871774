//===- WorkItemLoop.cpp - the loop over a lowered task's work items --------===//
#include "compiler/conversion/WorkItemLoop.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::ascend;

scf::ForOp tilec::conversion::workItemLoop(TaskOp task) {
  scf::ForOp found;
  for (Operation &op : task.getBody().front()) {
    auto loop = dyn_cast<scf::ForOp>(op);
    if (!loop)
      continue;
    if (found || !loop.getLowerBound().getDefiningOp<BlockIdxOp>() ||
        !loop.getStep().getDefiningOp<BlockDimOp>() || !loop.getInitArgs().empty())
      return nullptr;
    found = loop;
  }
  return found;
}
