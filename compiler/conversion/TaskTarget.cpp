//===- TaskTarget.cpp - the target description a task is compiled for ----===//
#include "compiler/conversion/TaskTarget.h"

#include "mlir/IR/BuiltinOps.h"

using namespace mlir;
using namespace tilec::ascend;

namespace tilec {

const target::TargetDescription &lookupTaskTarget(ascend::TaskOp task) {
  return lookupModuleTarget(task->getParentOfType<ModuleOp>());
}

target::MemSpace toTargetSpace(ascend::MemorySpace space) {
  switch (space) {
  case ascend::MemorySpace::gm: return target::MemSpace::GM;
  case ascend::MemorySpace::ub: return target::MemSpace::UB;
  case ascend::MemorySpace::l1: return target::MemSpace::L1;
  case ascend::MemorySpace::l0a: return target::MemSpace::L0A;
  case ascend::MemorySpace::l0b: return target::MemSpace::L0B;
  case ascend::MemorySpace::l0c: return target::MemSpace::L0C;
  }
  llvm_unreachable("unknown memory space");
}

} // namespace tilec
