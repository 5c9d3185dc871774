//===- KernelSource.h - the kernel tile-run executes ------------*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_KERNELSOURCE_H
#define TILEC_TOOLS_TILE_RUN_KERNELSOURCE_H

#include "compiler/frontend/Frontend.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <memory>
#include <string>

namespace tilec::run {

/// Adds `buffer` to `sourceMgr` and reads it as a module of tile.kernels: a
/// .mlir module when its name ends in .mlir, else .tile source (through the
/// frontend). Diagnostics go to the handler the caller installed on
/// `context`; returns null after reporting an error.
mlir::OwningOpRef<mlir::ModuleOp> loadKernelModule(std::unique_ptr<llvm::MemoryBuffer> buffer,
                                                   llvm::SourceMgr &sourceMgr,
                                                   mlir::MLIRContext &context,
                                                   const frontend::FrontendOptions &options);

/// The kernel named `name`, or the module's only kernel when `name` is empty.
/// Prints an error (listing the kernels, or located at the module when it has
/// none) and returns null otherwise.
tile::KernelOp selectKernel(mlir::ModuleOp module, const std::string &name);

/// Gives every parameter without a name (see interp::kernelParameters) the
/// identifier its location points at in the source: the name a `.tile`
/// parameter was declared with, or the SSA name (without `%`) of a `.mlir`
/// block argument.
void nameParametersFromSource(tile::KernelOp kernel, llvm::SourceMgr &sourceMgr);

/// A kernel read from its file, with what keeps it alive: a context holding
/// tilec's dialects, the source buffers, and the handler that prints
/// diagnostics with the source line and a caret.
struct OpenedKernel {
  OpenedKernel();
  /// loadKernelModule, selectKernel (`name`) and, unless told not to,
  /// nameParametersFromSource in one; false after reporting an error.
  bool load(std::unique_ptr<llvm::MemoryBuffer> buffer, const std::string &name,
            const frontend::FrontendOptions &options, bool nameParameters = true);

  mlir::MLIRContext context;
  llvm::SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler diagnostics;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  tile::KernelOp kernel;
};

/// The kernel `name` of the file at `path` (OpenedKernel::load); null after
/// reporting an error.
std::unique_ptr<OpenedKernel> openKernel(const std::string &path, const std::string &name,
                                         const frontend::FrontendOptions &options);

} // namespace tilec::run

#endif
