// Generated C++ -> a shared object, through the host compiler, cached on disk
// by content (CacheKey.h). A warm run finds `<cache>/<key>.so` and skips the
// compiler; a cold one compiles `<key>.cpp` next to it and moves the result
// into place atomically, so concurrent runs never load a half-written file.
#pragma once

#include "runtime/tensor/Result.h"

#include <string>
#include <vector>

namespace tilec::launch {

struct CompileOptions {
  std::string compiler;    ///< empty: the compiler that built tilec
  std::string includeRoot; ///< empty: the source tree tilec was built from
  std::string cacheDir;    ///< empty: $TILEC_CACHE_DIR, else ~/.cache/tilec
  /// Appended after the standard flags (-std=c++17 -O2 -march=native -fPIC
  /// -shared -I<includeRoot> -I<includeRoot>/runtime/isa/include); part of
  /// the cache key.
  std::vector<std::string> extraFlags;
};

struct CompiledObject {
  std::string path; ///< the shared object in the cache
  std::string key;
  bool cacheHit = false;
};

/// The shared object for `source`, compiling it on a cache miss. A compiler
/// failure returns its diagnostics and the path of the kept source. The cache
/// directory is created private (0700); one another user owns or can write to
/// is refused with an error naming the fix.
Result<CompiledObject> compileSharedObject(const std::string &source,
                                           const CompileOptions &options);

/// The flags a source is compiled with (without the output and input paths).
std::vector<std::string> compileFlags(const CompileOptions &options);

/// `options.cacheDir` resolved as described there.
std::string resolveCacheDir(const CompileOptions &options);

} // namespace tilec::launch
