#include "test/Conformance/SimHost.h"

#include <optional>
#include <stdexcept>
#include <thread>
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
/// How one part of a mixed block (a core of its cluster) ended.
struct PartOutcome {
  std::optional<std::string> error;
  bool partnerFailed = false; ///< the error is only a partner's failure
};

/// "aic", or "aiv<i>" for the cluster's i-th AIV.
std::string partName(int part) { return part == 0 ? "aic" : "aiv" + std::to_string(part - 1); }
} // namespace

void SimHost::launchMixed(const char *task, isa::TaskEntry cubeEntry, isa::TaskEntry vectorEntry,
                          int32_t blocks, void *const *gm, int32_t, const int64_t *scalars,
                          int32_t) {
  const int parts = 1 + kVectorCoresPerCluster;
  for (int32_t block = 0; block < blocks; ++block) {
    isa::CrossCoreFlags flags(kVectorCoresPerCluster, /*latencyCycles=*/0);
    std::vector<PartOutcome> outcomes(size_t(parts), PartOutcome{});
    auto run = [&](int part) {
      isa::CoreContext context(part == 0 ? isa::CoreKind::Cube : isa::CoreKind::Vector, flags,
                               part);
      PartOutcome &outcome = outcomes[size_t(part)];
      try {
        (part == 0 ? cubeEntry : vectorEntry)(&context, gm, scalars, block, blocks);
      } catch (const isa::PartnerFailure &error) {
        outcome = {error.what(), true};
      } catch (const std::exception &error) {
        outcome = {error.what(), false};
      }
      // A failed part's partners must not wait for it forever.
      if (outcome.error)
        flags.abort();
      flags.finish(part);
    };
    std::vector<std::thread> threads;
    for (int part = 0; part < parts; ++part)
      threads.emplace_back(run, part);
    for (std::thread &thread : threads)
      thread.join();
    // The first part that failed by itself, else the first that failed.
    for (bool partnerFailures : {false, true})
      for (int part = 0; part < parts; ++part) {
        const PartOutcome &outcome = outcomes[size_t(part)];
        if (outcome.error && outcome.partnerFailed == partnerFailures)
          throw std::runtime_error(
              blockError(task, block, blocks, partName(part) + ": " + *outcome.error));
      }
  }
}

} // namespace tilec::conformance
