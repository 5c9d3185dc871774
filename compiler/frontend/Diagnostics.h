//===- Diagnostics.h - source locations and error reporting -----*- C++ -*-===//
#ifndef TILEC_COMPILER_FRONTEND_DIAGNOSTICS_H
#define TILEC_COMPILER_FRONTEND_DIAGNOSTICS_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"

#include <string>
#include <utility>
#include <vector>

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

  /// While a function call is inlined, every error also gets a note at the
  /// call (innermost call first): its body's locations are the definition's.
  void pushCall(llvm::SMLoc call, std::string note) { calls.emplace_back(call, std::move(note)); }
  void popCall() { calls.pop_back(); }

  unsigned errorCount() const { return numErrors; }
  llvm::SourceMgr &getSourceMgr() const { return sourceMgr; }
  mlir::MLIRContext &getContext() const { return ctx; }

private:
  bool admit();
  void noteCalls(mlir::InFlightDiagnostic &diag);

  static constexpr unsigned kMaxErrors = 20;
  llvm::SourceMgr &sourceMgr;
  mlir::MLIRContext &ctx;
  unsigned numErrors = 0;
  std::vector<std::pair<llvm::SMLoc, std::string>> calls;
};

} // namespace tilec::frontend

#endif
