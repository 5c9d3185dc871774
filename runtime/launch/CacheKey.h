// The name of a compiled kernel in the cache: a SHA-256 over everything that
// decides the bytes of the shared object — the source, the headers it
// includes from the repository, the flags and the compiler's version.
#pragma once

#include <string>
#include <vector>

namespace tilec::launch {

struct CacheKeyInputs {
  std::string source;
  std::vector<std::string> flags;
  std::string compilerVersion; ///< the compiler's `--version` output
  std::string includeRoot;     ///< where `#include "..."` lines are resolved
};

/// 64 lowercase hex digits.
std::string cacheKey(const CacheKeyInputs &inputs);

/// The contents of every file reachable from `source` through quoted
/// `#include "path"` lines resolved under `includeRoot`, in a fixed order, so
/// editing a runtime header invalidates the kernels compiled against it.
/// System headers (<...>) are covered by the compiler version.
std::vector<std::string> includedFiles(const std::string &source,
                                       const std::string &includeRoot);

} // namespace tilec::launch
