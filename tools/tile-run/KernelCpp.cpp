//===- KernelCpp.cpp - a kernel module compiled to C++ in-process ---------===//
#include "KernelCpp.h"

#include "mlir/IR/OwningOpRef.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

namespace tilec::run {

mlir::FailureOr<std::string> compileToCpp(mlir::ModuleOp module, const PipelineOptions &options) {
  mlir::OwningOpRef<mlir::ModuleOp> copy = module.clone();
  setTarget(*copy, options);
  mlir::PassManager pm(module.getContext());
  buildPipeline(pm, options, Stage::Cpp);
  if (mlir::failed(pm.run(*copy)))
    return mlir::failure();
  std::string source;
  llvm::raw_string_ostream os(source);
  if (mlir::failed(emitStageOutput(*copy, Stage::Cpp, options, os)))
    return mlir::failure();
  return source;
}

} // namespace tilec::run
