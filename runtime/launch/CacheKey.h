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
  /// Where `#include` lines are resolved, in the compiler's -I order.
  std::vector<std::string> includeDirs;
};

/// 64 lowercase hex digits.
std::string cacheKey(const CacheKeyInputs &inputs);

/// The contents of every file reachable from `source` through `#include
/// "path"` and `#include <path>` lines resolved under `includeDirs` (the
/// first directory holding the path wins), in a fixed order, so editing a
/// runtime header invalidates the kernels compiled against it. Headers found
/// in none of them are the system's, covered by the compiler version.
std::vector<std::string> includedFiles(const std::string &source,
                                       const std::vector<std::string> &includeDirs);

} // namespace tilec::launch
