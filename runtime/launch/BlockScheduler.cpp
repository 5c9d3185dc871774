#include "runtime/launch/BlockScheduler.h"

#include "runtime/launch/ModelReportSum.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace tilec::launch {
namespace {

/// What one block left behind.
struct BlockOutcome {
  isa::ModelReport report;
  double endCycle = 0;
  std::optional<std::string> error;
  std::unique_ptr<isa::CoreContext> core; ///< kept when tracing
  std::vector<isa::GmAccess> gmAccesses;  ///< for the L2 model
};

/// Runs the queue of `core`: blocks core, core + cores, ... in order, each
/// starting when the previous one ended. Stops at the first failing block.
void runQueue(const target::TargetDescription &target, const isa::GmRegistry &gm,
              const BlockLaunch &launch, int core, int cores,
              std::vector<BlockOutcome> &outcomes) {
  double start = launch.startCycle;
  for (int block = core; block < launch.blocks; block += cores) {
    auto context = std::make_unique<isa::CoreContext>(target, launch.kind, &gm,
                                                      coreIdOf(target, launch.kind, core));
    context->kernelName = launch.label;
    context->blockIdx = block;
    context->blockDim = launch.blocks;
    context->cycles.traceEnabled = launch.trace;
    context->gmLog.enabled = true;
    for (int p = 0; p < target::kNumPipes; ++p)
      context->cycles.waitUntil(target::Pipe(p), start);
    BlockOutcome &outcome = outcomes[size_t(block)];
    try {
      launch.entry(context.get(), launch.gm, launch.scalars, block, launch.blocks);
    } catch (const isa::ModelError &error) {
      outcome.error = error.what();
    } catch (const std::exception &error) {
      outcome.error = "kernel '" + launch.label + "' block " + std::to_string(block) + "/" +
                      std::to_string(launch.blocks) + ": " + error.what();
    }
    if (outcome.error)
      return;
    outcome.report = isa::summarize(target, {context.get()});
    outcome.endCycle = context->cycles.elapsedCycles();
    outcome.gmAccesses = std::move(context->gmLog.accesses);
    start = outcome.endCycle;
    if (launch.trace)
      outcome.core = std::move(context);
  }
}

} // namespace

int coresOf(const target::TargetDescription &target, isa::CoreKind kind) {
  switch (kind) {
  case isa::CoreKind::Cube:
    return target.cubeCores;
  case isa::CoreKind::Vector:
    return target.vectorCores;
  case isa::CoreKind::Mixed:
    return target.clusters;
  }
  return 1;
}

int coreIdOf(const target::TargetDescription &target, isa::CoreKind kind, int core) {
  return kind == isa::CoreKind::Vector ? target.cubeCores + core : core;
}

BlocksResult runBlocks(const target::TargetDescription &target, const isa::GmRegistry &gm,
                       L2Cache &l2, const BlockLaunch &launch, int threads) {
  const int cores = std::max(1, std::min(coresOf(target, launch.kind), launch.blocks));
  std::vector<BlockOutcome> outcomes(size_t(std::max(0, launch.blocks)));
  std::atomic<int> nextQueue{0};
  auto worker = [&] {
    for (int core = nextQueue++; core < cores; core = nextQueue++)
      runQueue(target, gm, launch, core, cores, outcomes);
  };
  const int helpers = std::min(std::max(1, threads), cores) - 1;
  std::vector<std::thread> pool;
  for (int i = 0; i < helpers; ++i)
    pool.emplace_back(worker);
  worker();
  for (std::thread &thread : pool)
    thread.join();

  BlocksResult result;
  result.endCycle = launch.startCycle;
  std::vector<std::vector<isa::GmAccess>> gmAccesses;
  for (BlockOutcome &outcome : outcomes) {
    if (outcome.error && !result.error)
      result.error = outcome.error;
    addExceptTime(result.report, outcome.report);
    result.endCycle = std::max(result.endCycle, outcome.endCycle);
    if (outcome.core)
      result.tracedCores.push_back(std::move(outcome.core));
    gmAccesses.push_back(std::move(outcome.gmAccesses));
  }
  if (result.error)
    return result;
  L2Traffic traffic = l2.replay(gm, gmAccesses);
  isa::ModelReport &report = result.report;
  report.l2HitBytes = traffic.hitBytes;
  report.hbmReadBytes = traffic.hbmReadBytes;
  report.hbmWriteBytes = traffic.hbmWriteBytes;
  report.memoryBoundMicros =
      isa::memoryMicros(target, traffic.readBytes, traffic.writeBytes, traffic.hbmBytes());
  // The cores share the L2 and the HBM behind it: a launch takes at least the
  // time its misses and write-backs need at the chip's HBM bandwidth and its
  // GM reads and writes at the chip's L2 rates, however fast each core's own
  // paths are.
  double memoryCycles = report.memoryBoundMicros * target.clockGHz * 1e3;
  result.endCycle = std::max(result.endCycle, launch.startCycle + memoryCycles);
  result.report.micros = target.cyclesToMicros(result.endCycle - launch.startCycle);
  return result;
}

} // namespace tilec::launch
