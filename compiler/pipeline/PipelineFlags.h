//===- PipelineFlags.h - the pipeline's choices as command-line flags -*- C++ -*-===//
//
// The flags of the lowering's choices (--fuse, --pair-cube-vector,
// --pair-always, --join-matmuls, --stream-weights), declared once
// for the tools that compile a kernel: tilec, and tile-run, which compiles as
// tilec does.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_PIPELINE_PIPELINEFLAGS_H
#define TILEC_COMPILER_PIPELINE_PIPELINEFLAGS_H

#include "compiler/pipeline/Pipeline.h"

#include "llvm/Support/CommandLine.h"

namespace tilec {

class PipelineFlags {
public:
  /// Registers the flags in `category`; construct once per tool, statically.
  explicit PipelineFlags(llvm::cl::OptionCategory &category);
  /// Sets the choices of `options` as the flags say.
  void applyTo(PipelineOptions &options) const;

private:
  llvm::cl::opt<bool> fuse, pairCubeVector, pairAlways, joinMatmuls;
  llvm::cl::opt<conversion::StreamWeights> streamWeights;
};

} // namespace tilec

#endif
