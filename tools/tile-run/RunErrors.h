//===- RunErrors.h - where tile-run's error messages go ---------*- C++ -*-===//
//
// The kernel-running library reports bad input and failed runs as one message
// each. tile-run prints them ("tile-run: error: ..."); the Python module
// (python/) collects them to raise them as exceptions instead.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_TOOLS_TILE_RUN_RUNERRORS_H
#define TILEC_TOOLS_TILE_RUN_RUNERRORS_H

#include "llvm/ADT/Twine.h"

#include <string>
#include <vector>

namespace tilec::run {

/// Prints "tile-run: error: MESSAGE" on stderr, or appends MESSAGE to the
/// innermost live CapturedErrors of this thread.
void reportError(const llvm::Twine &message);

/// While alive, reportError on this thread collects messages here instead of
/// printing them.
class CapturedErrors {
public:
  CapturedErrors();
  ~CapturedErrors();
  CapturedErrors(const CapturedErrors &) = delete;
  CapturedErrors &operator=(const CapturedErrors &) = delete;

  std::vector<std::string> messages;

private:
  CapturedErrors *outer;
};

} // namespace tilec::run

#endif
