// Shared helpers of the launcher tests: the hand-written kernels in kernels/,
// loaded through the real compile cache, and scratch directories.
#pragma once

#include "base/TargetDescription.h"
#include "runtime/launch/KernelLoader.h"
#include "runtime/launch/ModelHost.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace tilec::launch::testing {

inline std::string kernelSource(const std::string &file) {
  auto buffer = llvm::MemoryBuffer::getFile(std::string(TILEC_LAUNCH_TEST_KERNELS) + "/" + file);
  EXPECT_TRUE(bool(buffer)) << "missing test kernel " << file;
  return buffer ? (*buffer)->getBuffer().str() : std::string();
}

/// Kernel `kernel` of kernels/<file>, compiled into the persistent test cache.
inline LoadedKernel loadTestKernel(const std::string &file, const std::string &kernel) {
  CompileOptions options;
  options.cacheDir = TILEC_LAUNCH_TEST_CACHE;
  Result<LoadedKernel> loaded = loadKernel(kernelSource(file), kernel, options);
  if (!loaded) {
    ADD_FAILURE() << loaded.error();
    return {};
  }
  return *loaded;
}

/// A fresh directory, removed with its contents at the end of the scope.
class TempDir {
public:
  TempDir() {
    std::error_code error = llvm::sys::fs::createUniqueDirectory("tilec-launch-test", path_);
    EXPECT_FALSE(error) << error.message();
  }
  ~TempDir() { llvm::sys::fs::remove_directories(path_); }
  std::string path() const { return path_.str().str(); }

private:
  llvm::SmallString<128> path_;
};

inline const target::TargetDescription &a2a3() { return *target::lookupTarget("a2a3"); }

inline int64_t floatBits(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return int64_t(bits);
}

} // namespace tilec::launch::testing
