// A dlopen-ed shared object and the kernel entry points in it.
#pragma once

#include "runtime/isa/LaunchAbi.h"
#include "runtime/tensor/Result.h"

#include <memory>
#include <string>

namespace tilec::launch {

/// `tilec_kernel_<name>`: the host program of one kernel.
using KernelEntry = void (*)(runtime::HostApi *host, void *const *params,
                             const int64_t *scalars);
inline constexpr const char kKernelSymbolPrefix[] = "tilec_kernel_";

class SharedLibrary {
public:
  /// Loads `path` with every symbol resolved now (RTLD_NOW), so a missing
  /// runtime definition fails here rather than in the middle of a kernel.
  static Result<std::shared_ptr<SharedLibrary>> open(const std::string &path);
  ~SharedLibrary();
  SharedLibrary(const SharedLibrary &) = delete;
  SharedLibrary &operator=(const SharedLibrary &) = delete;

  /// The address of `symbol`, or nullptr.
  void *symbol(const std::string &symbol) const;

  /// The host program of kernel `name`, or an error naming the missing
  /// symbol and the file.
  Result<KernelEntry> kernel(const std::string &name) const;

  const std::string &path() const { return path_; }

private:
  SharedLibrary(void *handle, std::string path) : handle_(handle), path_(std::move(path)) {}
  void *handle_;
  std::string path_;
};

} // namespace tilec::launch
