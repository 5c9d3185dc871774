//===- DiagnosticCapture.cpp - a context's diagnostics, kept for Python ---===//
#include "DiagnosticCapture.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"

namespace tilec::python {
namespace {

std::string severityName(mlir::DiagnosticSeverity severity) {
  switch (severity) {
  case mlir::DiagnosticSeverity::Error:
    return "error";
  case mlir::DiagnosticSeverity::Warning:
    return "warning";
  case mlir::DiagnosticSeverity::Note:
    return "note";
  case mlir::DiagnosticSeverity::Remark:
    return "remark";
  }
  return "error";
}

} // namespace

DiagnosticCapture::DiagnosticCapture(llvm::SourceMgr &sourceMgr, mlir::MLIRContext &context)
    : printer(sourceMgr, &context, printedStream), context(context) {
  // Registered after the printer, so it sees each diagnostic first: it records
  // where and what, then declines it, and the printer appends its text to
  // `printed` (finished off at the next diagnostic or at take()).
  recorder = context.getDiagEngine().registerHandler([this](mlir::Diagnostic &diag) {
    finishText();
    CapturedDiagnostic captured;
    captured.severity = severityName(diag.getSeverity());
    captured.message = diag.str();
    if (auto loc = diag.getLocation()->findInstanceOf<mlir::FileLineColLoc>()) {
      captured.file = loc.getFilename().str();
      captured.line = loc.getLine();
      captured.column = loc.getColumn();
    }
    diagnostics.push_back(std::move(captured));
    return mlir::failure();
  });
}

void DiagnosticCapture::finishText() {
  if (diagnostics.empty() || printed.empty())
    return;
  std::string &text = diagnostics.back().text;
  text = printed;
  while (!text.empty() && text.back() == '\n')
    text.pop_back();
  printed.clear();
}

DiagnosticCapture::~DiagnosticCapture() { context.getDiagEngine().eraseHandler(recorder); }

std::vector<CapturedDiagnostic> DiagnosticCapture::take() {
  finishText();
  std::vector<CapturedDiagnostic> taken = std::move(diagnostics);
  diagnostics.clear();
  return taken;
}

} // namespace tilec::python
