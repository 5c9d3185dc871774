//===- Pipeline.cpp - the stages tilec runs -------------------------------===//
#include "compiler/pipeline/Pipeline.h"

#include "compiler/conversion/Passes.h"
#include "compiler/target/EmitCpp.h"
#include "compiler/transforms/Passes.h"

#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Verifier.h"
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

void tilec::buildPipeline(mlir::OpPassManager &pm, const PipelineOptions &options,
                          Stage stopAfter) {
  if (stopAfter == Stage::Tile)
    return;
  // Tile level: composites into primitive ops, rows × cols shapes, then the
  // target check, so unsupported casts and types are reported at the source.
  mlir::OpPassManager &kernels = pm.nest<tile::KernelOp>();
  kernels.addPass(createTileExpandComposites());
  kernels.addPass(createTileCanonicalizeShapes());
  TileVerifyTargetOptions verifyOptions;
  verifyOptions.targetName = options.target;
  kernels.addPass(createTileVerifyTarget(verifyOptions));
  if (options.fuse) {
    kernels.addPass(createTilePushSlices());
    kernels.addPass(createTileFuseRows());
  }
  // Tasks and launches: the tiling of every op and scope, then a fused scope
  // becomes one task, any other op its own.
  pm.addPass(createTileSelectStrategy());
  pm.addPass(createConvertTileToAscend());
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addPass(mlir::createCSEPass());
  if (options.fuse) {
    pm.addPass(createAscendFoldParallelLoops());
    pm.addPass(mlir::createCanonicalizerPass());
  }
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
