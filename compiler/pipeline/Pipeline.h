//===- Pipeline.h - the stages tilec runs ------------------------*- C++ -*-===//
#ifndef TILEC_COMPILER_PIPELINE_PIPELINE_H
#define TILEC_COMPILER_PIPELINE_PIPELINE_H

#include "compiler/conversion/StreamWeights.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

namespace tilec {

/// The points at which `tilec --emit=` can stop, in pipeline order.
enum class Stage {
  Tile,   ///< the frontend's tile dialect
  Formed, ///< + composites expanded, fused, every task formed, tiled and placed
  Tasks,  ///< + lowered to ascend tasks and a host program
  Ascend, ///< + buffers placed in on-chip memory, pipes synchronised
  Cpp,    ///< the ascend stage printed as C++ (compiler/target)
};

struct PipelineOptions {
  std::string target = "a2a3";
  /// Fuse row-wise chains into one task each (tile-fuse-rows); off gives the
  /// one-task-per-op lowering, the baseline fusion is measured against.
  bool fuse = true;
  /// Run a matmul and the fused scope reading its product as one mixed
  /// launch through a ring of slots (tile-select-strategy's
  /// pair-cube-vector; docs/design.md, "Cube → vector pairing").
  bool pairCubeVector = true;
  /// With pairCubeVector, pair also where that idles cube cores or is
  /// estimated slower (tile-select-strategy's pair-always: tests of the
  /// paired lowering).
  bool pairAlways = false;
  /// Run matmuls of the same A as one launch where that is estimated faster
  /// (tile-select-strategy's join-matmuls; docs/design.md, "Joined matmuls").
  bool joinMatmuls = true;
  /// Which matmuls take their work items column by column
  /// (tile-select-strategy's stream-weights; docs/design.md, "Weight streaming").
  conversion::StreamWeights streamWeights = conversion::StreamWeights::automatic;
  /// Options for a known target name, or nothing.
  static std::optional<PipelineOptions> forTarget(llvm::StringRef target);
};

/// Adds the passes that take a frontend module to `stopAfter`; the first
/// records the target in the module (`ascend.target`), where passes read it.
void buildPipeline(mlir::OpPassManager &pm, const PipelineOptions &options, Stage stopAfter);

/// Registers buildPipeline as `tilec-pipeline` (options target, fuse, emit),
/// so `tile-opt --tilec-pipeline=...` runs on a `tilec --emit=tile` dump what
/// tilec runs.
void registerPipeline();

/// Prints the module as the given stage presents it (IR, or C++ for cpp).
mlir::LogicalResult emitStageOutput(mlir::ModuleOp module, Stage stage,
                                    const PipelineOptions &options, llvm::raw_ostream &os);

} // namespace tilec

#endif
