//===- RunErrors.cpp - where tile-run's error messages go -----------------===//
#include "RunErrors.h"

#include "llvm/Support/raw_ostream.h"

namespace tilec::run {
namespace {
thread_local CapturedErrors *innermost = nullptr;
} // namespace

void reportError(const llvm::Twine &message) {
  if (innermost) {
    innermost->messages.push_back(message.str());
    return;
  }
  llvm::errs() << "tile-run: error: " << message << "\n";
}

CapturedErrors::CapturedErrors() : outer(innermost) { innermost = this; }

CapturedErrors::~CapturedErrors() { innermost = outer; }

} // namespace tilec::run
