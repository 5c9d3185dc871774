#include "runtime/launch/KernelLoader.h"

namespace tilec::launch {

Result<LoadedKernel> loadKernel(const std::string &source, const std::string &kernelName,
                                const CompileOptions &options) {
  Result<CompiledObject> object = compileSharedObject(source, options);
  if (!object)
    return Error{object.error()};
  Result<std::shared_ptr<SharedLibrary>> library = SharedLibrary::open(object->path);
  if (!library)
    return Error{library.error()};
  Result<KernelEntry> entry = (*library)->kernel(kernelName);
  if (!entry)
    return Error{entry.error()};
  return LoadedKernel{*library, *entry, *object};
}

} // namespace tilec::launch
