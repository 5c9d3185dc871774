#include "runtime/launch/KernelLoader.h"

#include "llvm/Support/FileSystem.h"

namespace tilec::launch {

Result<LoadedKernel> loadKernel(const std::string &source, const std::string &kernelName,
                                const CompileOptions &options) {
  Result<CompiledObject> object = compileSharedObject(source, options);
  if (!object)
    return Error{object.error()};
  Result<std::shared_ptr<SharedLibrary>> library = SharedLibrary::open(object->path);
  if (!library && object->cacheHit) {
    // A cached object that does not load (cut short by a crash or a full disk
    // while it was written) is rebuilt once instead of failing every run.
    llvm::sys::fs::remove(object->path);
    object = compileSharedObject(source, options);
    if (!object)
      return Error{object.error()};
    library = SharedLibrary::open(object->path);
  }
  if (!library)
    return Error{library.error()};
  Result<KernelEntry> entry = (*library)->kernel(kernelName);
  if (!entry)
    return Error{entry.error()};
  return LoadedKernel{*library, *entry, *object};
}

} // namespace tilec::launch
