//===- KernelCpp.cpp - a kernel module compiled to C++ in-process ---------===//
#include "KernelCpp.h"

#include "compiler/pipeline/CompileReport.h"

#include "mlir/IR/OwningOpRef.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

namespace tilec::run {

mlir::FailureOr<KernelCpp> compileToCpp(mlir::ModuleOp module, const PipelineOptions &options) {
  mlir::OwningOpRef<mlir::ModuleOp> copy = module.clone();
  mlir::PassManager pm(module.getContext());
  buildPipeline(pm, options, Stage::Cpp);
  if (mlir::failed(pm.run(*copy)))
    return mlir::failure();
  KernelCpp cpp;
  llvm::raw_string_ostream os(cpp.source);
  if (mlir::failed(emitStageOutput(*copy, Stage::Cpp, options, os)))
    return mlir::failure();
  for (auto kernel : copy->getOps<ascend::KernelOp>()) {
    int64_t &launches = cpp.launches[kernel.getSymName().str()];
    for (const report::LaunchSummary &launch : report::summarize(*copy, kernel, options.target).launches)
      launches += launch.runs;
  }
  return cpp;
}

} // namespace tilec::run
