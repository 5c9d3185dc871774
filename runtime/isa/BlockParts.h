// Running the parts of one block of a launch: a mixed block's AIC and the
// AIVs of its cluster, each on a host thread of its own and meeting through
// the cluster's CrossCoreFlags, or the one core of any other block. The
// model's block scheduler (runtime/launch/BlockScheduler.cpp) and the
// conformance harness's pto-isa host (test/Conformance/SimHost.cpp) both run
// blocks so, and report a failed block by the same part.
#pragma once

#include "runtime/isa/CrossCoreFlags.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace tilec::isa {

/// How one part of a block ended.
struct PartOutcome {
  std::optional<std::string> error;
  bool partnerFailed = false; ///< the error is only a partner's failure
};

/// Runs `part(i)` for each of the block's `parts` parts: part 0 on the
/// calling thread, the others on threads of their own. A part fails by
/// throwing: PartnerFailure when a wait found a partner failed, any other
/// std::exception for a failure of its own (its what() is the error). With
/// `flags` (a mixed block), a failed part aborts its partners' waits and
/// every part finishes, so none waits forever; without, `parts` is 1.
inline std::vector<PartOutcome> runBlockParts(int parts, CrossCoreFlags *flags,
                                              const std::function<void(int)> &part) {
  std::vector<PartOutcome> outcomes(static_cast<size_t>(parts));
  auto run = [&](int index) {
    PartOutcome &outcome = outcomes[size_t(index)];
    try {
      part(index);
    } catch (const PartnerFailure &error) {
      outcome = {error.what(), true};
    } catch (const std::exception &error) {
      outcome = {error.what(), false};
    }
    if (!flags)
      return;
    if (outcome.error)
      flags->abort();
    flags->finish(index);
  };
  std::vector<std::thread> partners;
  for (int index = 1; index < parts; ++index)
    partners.emplace_back(run, index);
  run(0);
  for (std::thread &thread : partners)
    thread.join();
  return outcomes;
}

/// The part a failed block is reported by: the first that failed by itself,
/// else the first that failed (every one only for a partner); none when the
/// block succeeded. `Outcomes` holds PartOutcomes or types derived from it.
template <typename Outcomes>
std::optional<size_t> reportedPart(const Outcomes &outcomes) {
  for (bool partnerFailures : {false, true})
    for (size_t index = 0; index < outcomes.size(); ++index) {
      const PartOutcome &outcome = outcomes[index];
      if (outcome.error && outcome.partnerFailed == partnerFailures)
        return index;
    }
  return std::nullopt;
}

} // namespace tilec::isa
