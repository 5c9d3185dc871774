//===- ModelRunner.h - the kernel's C++ on the CPU model of the AI Core -*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_MODELRUNNER_H
#define TILEC_TOOLS_TILE_RUN_MODELRUNNER_H

#include "KernelRunner.h"
#include "LaunchProgress.h"

#include "compiler/pipeline/Pipeline.h"
#include "runtime/launch/CompileCache.h"
#include "runtime/launch/ModelHost.h"

#include <string>
#include <vector>

namespace tilec::run {

struct ModelOptions {
  const target::TargetDescription *target = nullptr;
  std::string cppFile;   ///< --cpp: run this emitted source instead of compiling the kernel
  std::string tracePath; ///< --trace: Chrome trace of every core and pipe
  /// The lowering's choices, as tilec's flags give them (its target is `target`'s).
  PipelineOptions pipeline;
  ProgressMode progress = ProgressMode::Auto; ///< --progress
  launch::CompileOptions compile;
};

/// What a model run measured, for the report.
struct ModelRunInfo {
  isa::ModelReport total;
  std::vector<launch::LaunchRecord> launches;
  uint64_t l2DirtyBytes = 0; ///< left dirty in the L2: written back after the kernel
  bool cacheHit = false;
  std::string cacheKey;
  double compileSeconds = 0; ///< C++ source to loaded shared object
  double runSeconds = 0;     ///< the kernel on the model
};

/// The default mode: the kernel's C++ (compiled once per content, see
/// runtime/launch) runs on modelled AI Cores with every check enabled.
class ModelRunner : public KernelRunner {
public:
  explicit ModelRunner(ModelOptions options) : options_(std::move(options)) {}

  mlir::FailureOr<std::vector<HostTensor>> run(tile::KernelOp kernel,
                                               const std::vector<HostTensor> &inputs) override;

  /// Runs the C++ of `compiled` rather than of the kernel given to run(): the
  /// kernel compiled at the bounds of its run-time dims, whose one C++ serves
  /// every value (the kernel given to run(), at this run's values, gives the
  /// parameters' shapes and so the bounds of the model's GM checks).
  void runCompiled(tile::KernelOp compiled) { compiled_ = compiled; }

  const target::TargetDescription *target() const { return options_.target; }
  /// Valid after a successful run.
  const ModelRunInfo &info() const { return info_; }

private:
  ModelOptions options_;
  ModelRunInfo info_;
  tile::KernelOp compiled_;
};

} // namespace tilec::run

#endif
