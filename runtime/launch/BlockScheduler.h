// Runs the blocks of one launch on modelled AI Cores. Block b runs on core
// b % cores of its kind (cores queue their blocks: core c runs c, c + cores,
// ...), each block on its own CoreContext whose pipe clocks start where the
// previous block on that core ended. The queues are spread over host threads;
// a queue always runs in order on one thread, so every result (outputs,
// cycles, errors) is the same for any thread count.
//
// A mixed launch runs each block on a cluster: its AIC part (`entry`) and one
// part per AIV of the cluster (`vectorEntry`), concurrently, each on its own
// host thread (a part waiting on a cross-core flag blocks only its own
// thread, so no wait can starve its partner), sharing the block's
// CrossCoreFlags. Flags match sets and waits in order, so the cycles do not
// depend on the interleaving either.
#pragma once

#include "runtime/isa/CoreContext.h"
#include "runtime/isa/Launch.h"
#include "runtime/isa/Report.h"
#include "runtime/launch/L2Cache.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tilec::launch {

struct BlockLaunch {
  std::string label; ///< "kernel/task": the core's kernelName in messages
  isa::TaskEntry entry;       ///< every block; the AIC part of a mixed one
  isa::TaskEntry vectorEntry; ///< the AIV parts of a mixed launch; else null
  isa::CoreKind kind;
  int blocks;
  void *const *gm;
  const int64_t *scalars;
  double startCycle; ///< when the launch starts on the kernel's timeline
  bool trace;        ///< record every instruction and keep the cores
};

struct BlocksResult {
  /// Busy time, bytes and bounds of all blocks; micros = the last block's
  /// end minus the launch's start.
  isa::ModelReport report;
  double endCycle = 0;
  /// The first failing block's message (lowest block index), if any.
  std::optional<std::string> error;
  /// One per block (per part of a mixed block) when tracing, in block order.
  std::vector<std::unique_ptr<isa::CoreContext>> tracedCores;
};

/// Modelled cores of `kind` on `target`: a block queue each.
int coresOf(const target::TargetDescription &target, isa::CoreKind kind);

/// The trace/process id of core `core` of `kind`: cube cores first, then
/// vector cores, so the ids of one kernel never collide. AIV `v` of cluster
/// `c` is vector core c * vectorCoresPerCluster + v.
int coreIdOf(const target::TargetDescription &target, isa::CoreKind kind, int core);

/// Runs every block of `launch` with at most `threads` host threads, then
/// plays its GM accesses through `l2` (which keeps its lines for the next
/// launch).
BlocksResult runBlocks(const target::TargetDescription &target, const isa::GmRegistry &gm,
                       L2Cache &l2, const BlockLaunch &launch, int threads);

} // namespace tilec::launch
