//===- Diagnostics.h - source locations and error reporting -----*- C++ -*-===//
#ifndef TILEC_COMPILER_FRONTEND_DIAGNOSTICS_H
#define TILEC_COMPILER_FRONTEND_DIAGNOSTICS_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"

#include <string>

namespace tilec::frontend {

/// Turns source pointers into `FileLineColLoc`s and reports errors through
/// MLIR's diagnostic engine. Stops reporting after a fixed number of errors so
/// that garbage input yields a readable amount of output.
class DiagnosticSink {
public:
  DiagnosticSink(llvm::SourceMgr &sourceMgr, mlir::MLIRContext &ctx) : sourceMgr(sourceMgr), ctx(ctx) {}

  mlir::Location loc(llvm::SMLoc loc) const;
  void error(llvm::SMLoc loc, const llvm::Twine &message);
  /// An error followed by a note pointing at a related place (e.g. a previous definition).
  void errorWithNote(llvm::SMLoc loc, const llvm::Twine &message, llvm::SMLoc noteLoc, const llvm::Twine &note);

  unsigned errorCount() const { return numErrors; }
  llvm::SourceMgr &getSourceMgr() const { return sourceMgr; }
  mlir::MLIRContext &getContext() const { return ctx; }

private:
  bool admit();

  static constexpr unsigned kMaxErrors = 20;
  llvm::SourceMgr &sourceMgr;
  mlir::MLIRContext &ctx;
  unsigned numErrors = 0;
};

} // namespace tilec::frontend

#endif
