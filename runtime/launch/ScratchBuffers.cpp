#include "runtime/launch/ScratchBuffers.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace tilec::launch {

void *ScratchBuffers::allocate(size_t bytes) {
  constexpr size_t kAlign = 64;
  size_t rounded = (std::max<size_t>(bytes, 1) + kAlign - 1) / kAlign * kAlign;
  void *data = std::aligned_alloc(kAlign, rounded);
  if (!data)
    throw std::bad_alloc();
  std::memset(data, 0, rounded);
  buffers_.emplace_back(data);
  return data;
}

} // namespace tilec::launch
