#include "test/Conformance/SimHost.h"

#include <stdexcept>

namespace tilec::conformance {

void *SimHost::allocScratch(size_t bytes, const char *) { return scratch_.allocate(bytes); }

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
