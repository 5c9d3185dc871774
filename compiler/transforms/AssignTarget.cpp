//===- AssignTarget.cpp - the target chip as a module attribute -----------===//
//
// The first pass of the pipeline: the target the pipeline was asked for goes
// where every later pass looks it up, so `tilec --target` and
// `tile-opt --tilec-pipeline=target=` compile a module alike.
//
//===----------------------------------------------------------------------===//
#include "compiler/transforms/Passes.h"

#include "dialects/Ascend/AscendOps.h"
#include "base/TargetDescription.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringExtras.h"

namespace tilec {
#define GEN_PASS_DEF_TILEASSIGNTARGET
#include "compiler/transforms/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;

namespace {

struct TileAssignTarget : tilec::impl::TileAssignTargetBase<TileAssignTarget> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::optional<ascend::Target> chosen = ascend::symbolizeTarget(targetName);
    if (!chosen) {
      module.emitError() << "unknown target '" << targetName << "' (known: "
                         << llvm::join(target::targetNames(), ", ") << ")";
      return signalPassFailure();
    }
    ascend::AscendDialect::TargetAttrHelper(module.getContext())
        .setAttr(module, ascend::TargetAttr::get(module.getContext(), *chosen));
  }
};

} // namespace
