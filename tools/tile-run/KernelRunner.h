//===- KernelRunner.h - the ways tile-run can execute a kernel --*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_KERNELRUNNER_H
#define TILEC_TOOLS_TILE_RUN_KERNELRUNNER_H

#include "dialects/Tile/TileOps.h"
#include "runtime/tensor/HostTensor.h"

#include "mlir/Support/LLVM.h"

#include <memory>
#include <vector>

namespace tilec::run {

/// One execution mode: the reference interpreter (--interpret); the CPU model
/// of the AI Core joins as a second implementation.
class KernelRunner {
public:
  virtual ~KernelRunner() = default;

  /// Runs `kernel` on `inputs` (the non-output parameters in order) and returns
  /// the outputs in order, or fails after reporting the error.
  virtual mlir::FailureOr<std::vector<HostTensor>> run(tile::KernelOp kernel,
                                                       const std::vector<HostTensor> &inputs) = 0;
};

/// The reference interpreter of the tile dialect (runtime/interp).
std::unique_ptr<KernelRunner> createInterpreterRunner();

} // namespace tilec::run

#endif
