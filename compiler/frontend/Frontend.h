//===- Frontend.h - .tile source to the tile dialect ------------*- C++ -*-===//
#ifndef TILEC_COMPILER_FRONTEND_FRONTEND_H
#define TILEC_COMPILER_FRONTEND_FRONTEND_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/SourceMgr.h"

#include <string>
#include <utility>
#include <vector>

namespace tilec::frontend {

struct FrontendOptions {
  std::vector<std::string> importDirs;                             // -I
  std::vector<std::pair<std::string, std::string>> constOverrides; // -D NAME=VALUE
};

/// Compiles the main file (buffer #1 of `sourceMgr`; imports are added to it)
/// into a module of `tile.kernel`s. Returns null after emitting diagnostics
/// (with `FileLineColLoc`s into the source buffers) on any error.
mlir::OwningOpRef<mlir::ModuleOp> compileTileSource(llvm::SourceMgr &sourceMgr, mlir::MLIRContext &ctx,
                                                    const FrontendOptions &options);

} // namespace tilec::frontend

#endif
