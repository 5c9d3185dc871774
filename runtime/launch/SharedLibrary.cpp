#include "runtime/launch/SharedLibrary.h"

#include <dlfcn.h>

namespace tilec::launch {

Result<std::shared_ptr<SharedLibrary>> SharedLibrary::open(const std::string &path) {
  void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    return Error{"cannot load " + path + ": " + dlerror()};
  return std::shared_ptr<SharedLibrary>(new SharedLibrary(handle, path));
}

SharedLibrary::~SharedLibrary() { dlclose(handle_); }

void *SharedLibrary::symbol(const std::string &symbol) const {
  return dlsym(handle_, symbol.c_str());
}

Result<KernelEntry> SharedLibrary::kernel(const std::string &name) const {
  std::string entry = kKernelSymbolPrefix + name;
  if (void *address = symbol(entry))
    return reinterpret_cast<KernelEntry>(address);
  return Error{"no kernel '" + name + "' in " + path_ + " (symbol " + entry + " is missing)"};
}

} // namespace tilec::launch
