// GM scratch for a host that runs generated kernels: zeroed, 64-byte aligned
// buffers (what a fresh device allocation reads as here), owned until the
// host goes away.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <vector>

namespace tilec::launch {

class ScratchBuffers {
public:
  /// A new zeroed buffer of `bytes` (at least one), 64-byte aligned.
  void *allocate(size_t bytes);

private:
  struct FreeDeleter {
    void operator()(void *p) const { std::free(p); }
  };
  std::vector<std::unique_ptr<void, FreeDeleter>> buffers_;
};

} // namespace tilec::launch
