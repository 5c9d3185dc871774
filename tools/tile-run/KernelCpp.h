//===- KernelCpp.h - a kernel module compiled to C++ in-process -*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_KERNELCPP_H
#define TILEC_TOOLS_TILE_RUN_KERNELCPP_H

#include "compiler/pipeline/Pipeline.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

#include <map>
#include <string>

namespace tilec::run {

struct KernelCpp {
  std::string source;
  /// Launches each kernel's host program makes, by kernel name: its launches
  /// times the trips of the constant-bound loops around them.
  std::map<std::string, int64_t> launches;
};

/// The C++ `tilec FILE -o out.cpp` would write for `module` with `options`:
/// a copy of it runs through the whole pipeline (compiler/pipeline), so
/// `module` stays at the tile stage for the interpreter. Diagnostics go to
/// the context's handler.
mlir::FailureOr<KernelCpp> compileToCpp(mlir::ModuleOp module, const PipelineOptions &options);

} // namespace tilec::run

#endif
