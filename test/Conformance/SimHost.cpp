#include "test/Conformance/SimHost.h"

#include "runtime/isa/BlockParts.h"

#include <optional>
#include <stdexcept>
#include <vector>

namespace tilec::conformance {

void *SimHost::allocScratch(size_t bytes, const char *) { return scratch_.allocate(bytes); }

std::string SimHost::blockError(const char *task, int32_t block, int32_t blocks,
                                const std::string &what) const {
  return "kernel '" + kernel_ + "/" + task + "' block " + std::to_string(block) + "/" +
         std::to_string(blocks) + ": " + what;
}

void SimHost::launch(const char *task, isa::TaskEntry entry, isa::CoreKind core, int32_t blocks,
                     void *const *gm, int32_t, const int64_t *scalars, int32_t) {
  for (int32_t block = 0; block < blocks; ++block) {
    isa::CoreContext context(core);
    try {
      entry(&context, gm, scalars, block, blocks);
    } catch (const std::exception &error) {
      throw std::runtime_error(blockError(task, block, blocks, error.what()));
    }
  }
}

namespace {
/// "aic", or "aiv<i>" for the cluster's i-th AIV.
std::string partName(size_t part) { return part == 0 ? "aic" : "aiv" + std::to_string(part - 1); }
} // namespace

void SimHost::launchMixed(const char *task, isa::TaskEntry cubeEntry, isa::TaskEntry vectorEntry,
                          int32_t blocks, void *const *gm, int32_t, const int64_t *scalars,
                          int32_t) {
  for (int32_t block = 0; block < blocks; ++block) {
    isa::CrossCoreFlags flags(kVectorCoresPerCluster, /*latencyCycles=*/0);
    std::vector<isa::PartOutcome> outcomes =
        isa::runBlockParts(1 + kVectorCoresPerCluster, &flags, [&](int part) {
          isa::CoreContext context(part == 0 ? isa::CoreKind::Cube : isa::CoreKind::Vector,
                                   flags, part);
          (part == 0 ? cubeEntry : vectorEntry)(&context, gm, scalars, block, blocks);
        });
    if (std::optional<size_t> part = isa::reportedPart(outcomes))
      throw std::runtime_error(
          blockError(task, block, blocks, partName(*part) + ": " + *outcomes[*part].error));
  }
}

} // namespace tilec::conformance
