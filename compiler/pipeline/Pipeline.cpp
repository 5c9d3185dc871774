//===- Pipeline.cpp - the stages tilec runs -------------------------------===//
#include "compiler/pipeline/Pipeline.h"

#include "compiler/conversion/Passes.h"
#include "compiler/target/EmitCpp.h"

#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace tilec;

std::optional<PipelineOptions> PipelineOptions::forTarget(llvm::StringRef target) {
  if (target != "a2a3" && target != "a5")
    return std::nullopt;
  PipelineOptions options;
  options.target = target.str();
  return options;
}

void tilec::setTarget(mlir::ModuleOp module, const PipelineOptions &options) {
  module->setAttr("ascend.target", mlir::StringAttr::get(module.getContext(), options.target));
}

/// Adds the registered pass `name` to `pm` if some library registered it.
static void addPassIfRegistered(mlir::OpPassManager &pm, llvm::StringRef name) {
  if (const mlir::PassInfo *info = mlir::PassInfo::lookup(name))
    (void)info->addToPipeline(pm, "", [](const llvm::Twine &) { return mlir::failure(); });
}

void tilec::buildPipeline(mlir::OpPassManager &pm, const PipelineOptions &options,
                          Stage stopAfter) {
  (void)options; // passes read the target from the module (setTarget)
  if (stopAfter == Stage::Tile)
    return;
  // Composite expansion lives in compiler/transforms, looked up by name so the
  // pipeline builds while that library is under way; without it the lowering
  // reports the composites it cannot lower.
  addPassIfRegistered(pm.nest<tile::KernelOp>(), "tile-expand-composites");
  pm.addPass(createConvertTileToAscend());
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addPass(mlir::createCSEPass());
  if (stopAfter == Stage::Tasks)
    return;
  mlir::OpPassManager &tasks = pm.nest<ascend::TaskOp>();
  tasks.addPass(createAscendPlanMemory());
  tasks.addPass(createAscendInsertSync());
}

mlir::LogicalResult tilec::emitStageOutput(mlir::ModuleOp module, Stage stage,
                                           const PipelineOptions &options,
                                           llvm::raw_ostream &os) {
  (void)options;
  if (stage == Stage::Cpp)
    return target::emitCpp(module, os);
  module.print(os);
  return mlir::success();
}
