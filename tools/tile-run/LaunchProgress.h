//===- LaunchProgress.h - launches done / expected, while a run lasts -*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_LAUNCHPROGRESS_H
#define TILEC_TOOLS_TILE_RUN_LAUNCHPROGRESS_H

#include "runtime/launch/ModelHost.h"

#include <chrono>
#include <optional>

namespace tilec::run {

enum class ProgressMode {
  Auto,   ///< on a terminal, once the run has taken a few seconds
  Always, ///< every launch, one line each when stderr is not a terminal
  Never,
};

/// Shows "model: launch 7 / 11 (task, 48 blocks), 3.2 s" on stderr after
/// each launch: rewritten in place on a terminal, one line each otherwise.
/// The line is cleared when the run ends.
class LaunchProgress {
public:
  /// `expected`: the launches the compiled host program makes, if known.
  LaunchProgress(ProgressMode mode, std::optional<int64_t> expected);
  ~LaunchProgress();
  void operator()(const launch::LaunchRecord &launch);

private:
  bool enabled;
  bool terminal;
  bool quiet; ///< stays silent for the first seconds
  std::optional<int64_t> expected;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  int64_t done = 0;
  bool shown = false;
};

} // namespace tilec::run

#endif
