#include "test/Conformance/SimHost.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <stdexcept>

namespace tilec::conformance {

void *SimHost::allocScratch(size_t bytes, const char *) {
  // Zeroed and 64-byte aligned, as the model's launcher allocates scratch.
  constexpr size_t kAlign = 64;
  size_t rounded = (std::max<size_t>(bytes, 1) + kAlign - 1) / kAlign * kAlign;
  void *data = std::aligned_alloc(kAlign, rounded);
  if (!data)
    throw std::bad_alloc();
  std::memset(data, 0, rounded);
  scratch_.emplace_back(data);
  return data;
}

void SimHost::launch(const char *task, isa::TaskEntry entry, isa::CoreKind core, int32_t blocks,
                     void *const *gm, int32_t, const int64_t *scalars, int32_t) {
  for (int32_t block = 0; block < blocks; ++block) {
    isa::CoreContext context(core);
    try {
      entry(&context, gm, scalars, block, blocks);
    } catch (const std::exception &error) {
      throw std::runtime_error("kernel '" + kernel_ + "/" + task + "' block " +
                               std::to_string(block) + "/" + std::to_string(blocks) + ": " +
                               error.what());
    }
  }
}

} // namespace tilec::conformance
