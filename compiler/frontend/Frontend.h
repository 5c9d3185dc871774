//===- Frontend.h - .tile source to the tile dialect ------------*- C++ -*-===//
#ifndef TILEC_COMPILER_FRONTEND_FRONTEND_H
#define TILEC_COMPILER_FRONTEND_FRONTEND_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tilec::frontend {

struct FrontendOptions {
  std::vector<std::string> importDirs;                             // -I
  std::vector<std::pair<std::string, std::string>> constOverrides; // -D NAME=VALUE
  /// When set, a -D of a run-time dim sets it in this kernel only and the
  /// file's other kernels keep their bounds (tile-run runs one kernel of a file
  /// at the run's value).
  std::string runtimeDimKernel;
  /// Where imported files are read from: the real file system, or a fixed set
  /// of files (the fuzzer's, so that no input can read arbitrary files).
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files = llvm::vfs::getRealFileSystem();
};

/// The options given on a tool's command line as `-D NAME=VALUE` and `-I DIR`
/// values, or nullopt with `error` set for the first -D not of that form.
std::optional<FrontendOptions> frontendOptionsFromFlags(const std::vector<std::string> &defines,
                                                        const std::vector<std::string> &importDirs,
                                                        std::string &error);

/// Compiles the main file (buffer #1 of `sourceMgr`; imports are added to it)
/// into a module of `tile.kernel`s. Returns null after emitting diagnostics
/// (with `FileLineColLoc`s into the source buffers) on any error.
mlir::OwningOpRef<mlir::ModuleOp> compileTileSource(llvm::SourceMgr &sourceMgr, mlir::MLIRContext &ctx,
                                                    const FrontendOptions &options);

} // namespace tilec::frontend

#endif
