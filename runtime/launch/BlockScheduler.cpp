#include "runtime/launch/BlockScheduler.h"

#include "runtime/isa/BlockParts.h"
#include "runtime/launch/ModelReportSum.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace tilec::launch {
namespace {

/// What one part of a block (the whole block unless it is mixed) left behind.
struct PartOutcome : isa::PartOutcome {
  isa::ModelReport report;
  double endCycle = 0;
  std::unique_ptr<isa::CoreContext> core; ///< kept when tracing
  std::vector<isa::GmAccess> gmAccesses;  ///< for the L2 model
};

/// One core's share of a block: a mixed block has an AIC part and one part
/// per AIV of the cluster; any other block has one part.
struct Part {
  isa::CoreKind kind;
  isa::TaskEntry entry;
  int coreId;
};

std::vector<Part> partsOf(const target::TargetDescription &target, const BlockLaunch &launch,
                          int core) {
  if (launch.kind != isa::CoreKind::Mixed)
    return {{launch.kind, launch.entry, coreIdOf(target, launch.kind, core)}};
  std::vector<Part> parts{
      {isa::CoreKind::Cube, launch.entry, coreIdOf(target, isa::CoreKind::Cube, core)}};
  for (int v = 0; v < target.vectorCoresPerCluster; ++v)
    parts.push_back({isa::CoreKind::Vector, launch.vectorEntry,
                     coreIdOf(target, isa::CoreKind::Vector,
                              core * target.vectorCoresPerCluster + v)});
  return parts;
}

/// Runs part `index` of `block` from cycle `start`; `flags` is the block's
/// cross-core flags when it is mixed. A failure throws (isa::runBlockParts).
void runPart(const target::TargetDescription &target, const isa::GmRegistry &gm,
             const BlockLaunch &launch, const Part &part, int index, int block, double start,
             isa::CrossCoreFlags *flags, PartOutcome &outcome) {
  auto context = std::make_unique<isa::CoreContext>(target, part.kind, &gm, part.coreId);
  context->kernelName = launch.label;
  context->blockIdx = block;
  context->blockDim = launch.blocks;
  context->cycles.traceEnabled = launch.trace;
  context->gmLog.enabled = true;
  context->crossCore = flags;
  context->clusterPart = index;
  for (int p = 0; p < target::kNumPipes; ++p)
    context->cycles.waitUntil(target::Pipe(p), start);
  try {
    part.entry(context.get(), launch.gm, launch.scalars, block, launch.blocks);
  } catch (const isa::ModelError &) {
    throw;
  } catch (const std::exception &error) {
    // Not the model's own report: say where it happened.
    throw isa::ModelError("kernel '" + launch.label + "' block " + std::to_string(block) + "/" +
                          std::to_string(launch.blocks) + ": " + error.what());
  }
  outcome.report = isa::summarize(target, {context.get()});
  outcome.endCycle = context->cycles.elapsedCycles();
  outcome.gmAccesses = std::move(context->gmLog.accesses);
  if (launch.trace)
    outcome.core = std::move(context);
}

/// Runs the queue of `core`: blocks core, core + cores, ... in order, each
/// part starting when the same part of the previous block ended. The parts
/// of a mixed block run together, the AIVs' on threads of their own. Stops
/// at the first failing block.
void runQueue(const target::TargetDescription &target, const isa::GmRegistry &gm,
              const BlockLaunch &launch, int core, int cores,
              std::vector<std::vector<PartOutcome>> &outcomes) {
  const std::vector<Part> parts = partsOf(target, launch, core);
  std::vector<double> start(parts.size(), launch.startCycle);
  for (int block = core; block < launch.blocks; block += cores) {
    std::vector<PartOutcome> &outcome = outcomes[size_t(block)];
    outcome.resize(parts.size());
    std::optional<isa::CrossCoreFlags> flags;
    if (launch.kind == isa::CoreKind::Mixed)
      flags.emplace(int(parts.size()) - 1, target.crossCoreFlagCycles);
    isa::CrossCoreFlags *shared = flags ? &*flags : nullptr;
    std::vector<isa::PartOutcome> ended =
        isa::runBlockParts(int(parts.size()), shared, [&](int i) {
          runPart(target, gm, launch, parts[size_t(i)], i, block, start[size_t(i)], shared,
                  outcome[size_t(i)]);
        });
    bool failed = false;
    for (size_t i = 0; i < parts.size(); ++i) {
      static_cast<isa::PartOutcome &>(outcome[i]) = ended[i];
      failed |= bool(ended[i].error);
      start[i] = outcome[i].endCycle;
    }
    if (failed)
      return;
  }
}

/// The message of a failed block: its first part that failed by itself.
std::optional<std::string> blockError(const std::vector<PartOutcome> &parts) {
  if (std::optional<size_t> part = isa::reportedPart(parts))
    return parts[*part].error;
  return std::nullopt;
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
  std::vector<std::vector<PartOutcome>> outcomes(size_t(std::max(0, launch.blocks)));
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
  for (std::vector<PartOutcome> &block : outcomes) {
    if (!result.error)
      result.error = blockError(block);
    for (PartOutcome &outcome : block) {
      addExceptTime(result.report, outcome.report);
      result.endCycle = std::max(result.endCycle, outcome.endCycle);
      if (outcome.core)
        result.tracedCores.push_back(std::move(outcome.core));
      gmAccesses.push_back(std::move(outcome.gmAccesses));
    }
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
