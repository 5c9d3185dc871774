//===- TaskTarget.cpp - the target description a task is compiled for ----===//
#include "compiler/conversion/TaskTarget.h"

#include "mlir/IR/BuiltinOps.h"

using namespace mlir;
using namespace tilec::ascend;

namespace tilec {

/// The target `module` names (a2a3 when it names none), or null.
static const target::TargetDescription *moduleTarget(ModuleOp module, StringRef &name) {
  name = "a2a3";
  if (module)
    if (auto attr = AscendDialect::TargetAttrHelper(module.getContext()).getAttr(module))
      name = attr.getValue();
  return target::lookupTarget({name.data(), name.size()});
}

const target::TargetDescription *lookupTaskTarget(ascend::TaskOp task) {
  StringRef name;
  if (const target::TargetDescription *desc = moduleTarget(task->getParentOfType<ModuleOp>(), name))
    return desc;
  std::string known;
  for (std::string_view candidate : target::targetNames())
    known += (known.empty() ? "" : ", ") + std::string(candidate);
  task.emitError("unknown target '") << name << "' (known: " << known << ")";
  return nullptr;
}

const target::TargetDescription *lookupModuleTarget(ModuleOp module) {
  StringRef name;
  if (const target::TargetDescription *desc = moduleTarget(module, name))
    return desc;
  module.emitError("unknown target '")
      << name << "' in `" << AscendDialect::TargetAttrHelper(module.getContext()).getNameStr()
      << "`";
  return nullptr;
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
