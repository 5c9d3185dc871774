//===- DynamicRows.cpp - which tiles are declared with DYNAMIC valid rows --===//
#include "compiler/target/DynamicRows.h"

using namespace mlir;
using namespace tilec;

llvm::DenseSet<Operation *> tilec::target::dynamicRowTiles(ascend::TaskOp task) {
  llvm::DenseSet<Operation *> dynamic;
  task.walk([&](ascend::SetValidRowsOp set) {
    if (Operation *alloc = set->getOperand(0).getDefiningOp<ascend::AllocOp>())
      dynamic.insert(alloc);
  });
  for (bool changed = true; changed;) {
    changed = false;
    task.walk([&](ascend::InstructionOpInterface instr) {
      SmallVector<ascend::AllocOp> tiles;
      for (Value operand : instr->getOperands())
        if (auto alloc = operand.getDefiningOp<ascend::AllocOp>())
          tiles.push_back(alloc);
      for (ascend::AllocOp tile : tiles)
        if (dynamic.contains(tile))
          for (ascend::AllocOp other : tiles)
            if (other.getType() == tile.getType())
              changed |= dynamic.insert(other).second;
    });
  }
  return dynamic;
}
