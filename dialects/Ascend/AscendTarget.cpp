//===- AscendTarget.cpp - the target description a module names -----------===//
#include "dialects/Ascend/AscendTarget.h"

using namespace mlir;

namespace tilec {

const target::TargetDescription &describeTarget(ascend::Target target) {
  StringRef name = ascend::stringifyTarget(target);
  const target::TargetDescription *description = target::lookupTarget({name.data(), name.size()});
  assert(description && "every ascend::Target has a description");
  return *description;
}

const target::TargetDescription &lookupModuleTarget(ModuleOp module) {
  ascend::Target chosen = ascend::Target::a2a3;
  if (module)
    if (auto attr = ascend::AscendDialect::TargetAttrHelper(module.getContext()).getAttr(module))
      chosen = attr.getValue();
  return describeTarget(chosen);
}

} // namespace tilec
