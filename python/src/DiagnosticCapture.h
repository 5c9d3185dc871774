//===- DiagnosticCapture.h - a context's diagnostics, kept for Python -*- C++ -*-===//
//
// The Python module raises compile and run errors as exceptions carrying the
// location and the text tilec would print (source line and caret included),
// so diagnostics are collected here instead of printed.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_PYTHON_DIAGNOSTICCAPTURE_H
#define TILEC_PYTHON_DIAGNOSTICCAPTURE_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace tilec::python {

/// One error or warning: where (file empty when the location has none) and
/// what, as tilec would print it.
struct CapturedDiagnostic {
  std::string severity; ///< "error", "warning", "note" or "remark"
  std::string file;
  unsigned line = 0, column = 0;
  std::string message; ///< the message alone
  std::string text;    ///< "file:line:col: error: message" with source line and caret
};

/// While alive, every diagnostic of `context` is recorded (not printed).
class DiagnosticCapture {
public:
  DiagnosticCapture(llvm::SourceMgr &sourceMgr, mlir::MLIRContext &context);
  ~DiagnosticCapture();

  /// The diagnostics since the last take(), in order; clears the list.
  std::vector<CapturedDiagnostic> take();

private:
  /// Moves what the printer wrote into the text of the last diagnostic.
  void finishText();

  std::string printed;
  llvm::raw_string_ostream printedStream{printed};
  mlir::SourceMgrDiagnosticHandler printer;
  mlir::DiagnosticEngine::HandlerID recorder;
  mlir::MLIRContext &context;
  std::vector<CapturedDiagnostic> diagnostics;
};

} // namespace tilec::python

#endif
