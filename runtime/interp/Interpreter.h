//===- Interpreter.h - the reference interpreter of the tile dialect -*- C++ -*-===//
//
// Executes a tile.kernel directly on host tensors, op by op, with the exact
// element-type semantics of docs/runtime.md ("Reference interpreter and
// tile-run"). It is the reference the compiled kernels are checked against, so
// its results are those of the obviously correct rules there (where it is fast,
// as in ProductSums, the bits are the same), and it shares no code with the CPU
// implementation of the lowered instructions (runtime/isa).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_RUNTIME_INTERP_INTERPRETER_H
#define TILEC_RUNTIME_INTERP_INTERPRETER_H

#include "dialects/Tile/TileOps.h"
#include "runtime/tensor/HostTensor.h"

#include "mlir/Support/LLVM.h"

#include <vector>

namespace tilec::interp {

/// Runs `kernel` with `inputs`, one tensor per non-output parameter in
/// parameter order (scalars as rank-0 tensors), each of the parameter's type
/// and shape (see kernelParameters). Output parameters start zero-filled.
/// Returns the final contents of the output parameters in order; on failure
/// (an unsupported op, an offset out of bounds, ...) an error has been
/// emitted at the failing op's location.
mlir::FailureOr<std::vector<HostTensor>> interpretKernel(tile::KernelOp kernel,
                                                         const std::vector<HostTensor> &inputs);

} // namespace tilec::interp

#endif
