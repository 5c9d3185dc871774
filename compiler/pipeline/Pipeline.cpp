//===- Pipeline.cpp - the stages tilec runs -------------------------------===//
#include "compiler/pipeline/Pipeline.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Verifier.h"

using namespace tilec;

std::optional<PipelineOptions> PipelineOptions::forTarget(llvm::StringRef target) {
  if (target != "a2a3" && target != "a5")
    return std::nullopt;
  PipelineOptions options;
  options.target = target.str();
  return options;
}

void tilec::buildPipeline(mlir::OpPassManager &pm, const PipelineOptions &options,
                          Stage stopAfter) {
  // The frontend's output is the tile stage; later stages add passes here.
  (void)pm;
  (void)options;
  (void)stopAfter;
}

mlir::LogicalResult tilec::emitStageOutput(mlir::ModuleOp module, Stage stage,
                                           const PipelineOptions &options,
                                           llvm::raw_ostream &os) {
  (void)stage;
  (void)options;
  module.print(os);
  return mlir::success();
}
