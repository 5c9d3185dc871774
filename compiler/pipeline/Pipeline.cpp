//===- Pipeline.cpp - the stages tilec runs -------------------------------===//
#include "compiler/pipeline/Pipeline.h"

#include "compiler/conversion/Passes.h"
#include "compiler/target/EmitCpp.h"
#include "compiler/transforms/Passes.h"

#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace tilec;

std::optional<PipelineOptions> PipelineOptions::forTarget(llvm::StringRef target) {
  if (!ascend::symbolizeTarget(target))
    return std::nullopt;
  PipelineOptions options;
  options.target = target.str();
  return options;
}

void tilec::buildPipeline(mlir::OpPassManager &pm, const PipelineOptions &options,
                          Stage stopAfter) {
  TileAssignTargetOptions targetOptions;
  targetOptions.targetName = options.target;
  pm.addPass(createTileAssignTarget(targetOptions));
  if (stopAfter == Stage::Tile)
    return;
  // Tile level: composites into primitive ops, rows × cols shapes, then the
  // target check, so unsupported casts and types are reported at the source.
  mlir::OpPassManager &kernels = pm.nest<tile::KernelOp>();
  kernels.addPass(createTileExpandComposites());
  kernels.addPass(createTileCanonicalizeShapes());
  // In both lowerings: a K-loop folded into one matmul is one op, one task.
  kernels.addPass(createTileFoldKLoops());
  TileVerifyTargetOptions verifyOptions;
  verifyOptions.targetName = options.target;
  kernels.addPass(createTileVerifyTarget(verifyOptions));
  if (options.fuse)
    kernels.addPass(createTilePushSlices());
  kernels.addPass(createTileSinkCompares());
  if (options.fuse)
    kernels.addPass(createTileFuseRows());
  // Tasks and launches: column reductions too tall for UB in two stages, the
  // tiling of every op and scope, then a fused scope becomes one task, any
  // other op its own.
  pm.addPass(createTileSplitColReductions());
  TileSelectStrategyOptions strategyOptions;
  strategyOptions.pairCubeVector = options.pairCubeVector;
  strategyOptions.pairAlways = options.pairAlways;
  strategyOptions.joinMatmuls = options.joinMatmuls;
  strategyOptions.streamWeights = options.streamWeights;
  pm.addPass(createTileSelectStrategy(strategyOptions));
  pm.addPass(createTileFormTasks());
  pm.addPass(createTilePlaceGm());
  if (stopAfter == Stage::Formed)
    return;
  pm.addPass(createConvertTileToAscend());
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addPass(mlir::createCSEPass());
  if (options.fuse) {
    pm.addPass(createAscendFoldParallelLoops());
    pm.addPass(mlir::createCanonicalizerPass());
  }
  pm.addPass(createAscendReuseSetup());
  if (stopAfter == Stage::Tasks)
    return;
  pm.addNestedPass<ascend::TaskOp>(createAscendDoubleBufferSetup());
  // The unfused baseline keeps one launch per op.
  if (options.fuse)
    pm.addPass(createAscendMergeLaunches());
  mlir::OpPassManager &tasks = pm.nest<ascend::TaskOp>();
  tasks.addPass(createAscendPlanMemory());
  tasks.addPass(createAscendInsertSync());
}

namespace {
/// tilec's flags as pass-pipeline options: `emit` stops where
/// `tilec --emit=` does (cpp is not a pass, so it is not offered).
struct TilecPipelineOptions : mlir::PassPipelineOptions<TilecPipelineOptions> {
  Option<std::string> target{*this, "target", llvm::cl::desc("Target chip: a2a3 or a5"),
                             llvm::cl::init("a2a3")};
  Option<bool> fuse{*this, "fuse",
                    llvm::cl::desc("Fuse row-wise chains into one task each (false: one task "
                                   "per op)"),
                    llvm::cl::init(true)};
  Option<bool> pairCubeVector{
      *this, "pair-cube-vector",
      llvm::cl::desc("Run a matmul and the fused chain reading its product, or computing its "
                     "A, as one mixed launch"),
      llvm::cl::init(true)};
  Option<bool> pairAlways{
      *this, "pair-always",
      llvm::cl::desc("With pair-cube-vector, pair also where that idles cube "
                     "cores or is estimated slower"),
      llvm::cl::init(false)};
  Option<bool> joinMatmuls{*this, "join-matmuls",
                           llvm::cl::desc("Run matmuls of the same A as one launch where that "
                                          "is estimated faster"),
                           llvm::cl::init(true)};
  Option<conversion::StreamWeights> streamWeights{
      *this, "stream-weights",
      llvm::cl::desc("Which matmuls take their work items column by column"),
      llvm::cl::values(
          clEnumValN(conversion::StreamWeights::automatic, "auto", "where estimated faster"),
          clEnumValN(conversion::StreamWeights::always, "always", "every unpaired matmul"),
          clEnumValN(conversion::StreamWeights::never, "never", "none")),
      llvm::cl::init(conversion::StreamWeights::automatic)};
  Option<Stage> emit{
      *this, "emit", llvm::cl::desc("The stage to stop after"),
      llvm::cl::values(clEnumValN(Stage::Tile, "tile", "only record the target"),
                       clEnumValN(Stage::Formed, "formed",
                                  "tile ops with their tasks, strategies and placements"),
                       clEnumValN(Stage::Tasks, "tasks", "ascend tasks and the host program"),
                       clEnumValN(Stage::Ascend, "ascend", "tasks with planned memory and sync")),
      llvm::cl::init(Stage::Ascend)};
};
} // namespace

void tilec::registerPipeline() {
  mlir::PassPipelineRegistration<TilecPipelineOptions>(
      "tilec-pipeline",
      "The passes tilec runs, from a `tilec --emit=tile` module to the requested stage",
      [](mlir::OpPassManager &pm, const TilecPipelineOptions &flags) {
        PipelineOptions options;
        options.target = flags.target;
        options.fuse = flags.fuse;
        options.pairCubeVector = flags.pairCubeVector;
        options.pairAlways = flags.pairAlways;
        options.joinMatmuls = flags.joinMatmuls;
        options.streamWeights = flags.streamWeights;
        buildPipeline(pm, options, flags.emit);
      });
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
