//===- Diagnostics.cpp - source locations and error reporting -------------===//
#include "compiler/frontend/Diagnostics.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/STLExtras.h"

namespace tilec::frontend {

mlir::Location DiagnosticSink::loc(llvm::SMLoc loc) const {
  unsigned buffer = sourceMgr.FindBufferContainingLoc(loc);
  if (buffer == 0)
    return mlir::UnknownLoc::get(&ctx);
  auto [line, col] = sourceMgr.getLineAndColumn(loc, buffer);
  llvm::StringRef file = sourceMgr.getMemoryBuffer(buffer)->getBufferIdentifier();
  return mlir::FileLineColLoc::get(&ctx, file, line, col);
}

bool DiagnosticSink::admit() {
  ++numErrors;
  if (numErrors == kMaxErrors + 1)
    mlir::emitError(mlir::UnknownLoc::get(&ctx)) << "too many errors (" << kMaxErrors << "), giving up";
  return numErrors <= kMaxErrors;
}

void DiagnosticSink::noteCalls(mlir::InFlightDiagnostic &diag) {
  for (auto &[call, note] : llvm::reverse(calls))
    diag.attachNote(loc(call)) << note;
}

void DiagnosticSink::error(llvm::SMLoc at, const llvm::Twine &message) {
  if (!admit())
    return;
  mlir::InFlightDiagnostic diag = mlir::emitError(loc(at)) << message.str();
  noteCalls(diag);
}

void DiagnosticSink::errorWithNote(llvm::SMLoc at, const llvm::Twine &message, llvm::SMLoc noteLoc,
                                   const llvm::Twine &note) {
  if (!admit())
    return;
  mlir::InFlightDiagnostic diag = mlir::emitError(loc(at)) << message.str();
  diag.attachNote(loc(noteLoc)) << note.str();
  noteCalls(diag);
}

} // namespace tilec::frontend
