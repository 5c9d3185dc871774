#include "runtime/launch/ModelHost.h"

#include "runtime/launch/BlockScheduler.h"
#include "runtime/launch/ModelReportSum.h"

#include <algorithm>
#include <thread>

namespace tilec::launch {

ModelHost::ModelHost(ModelHostOptions options)
    : options_(std::move(options)), l2_(*options_.target) {
  if (options_.threads <= 0)
    options_.threads = int(std::max(1u, std::thread::hardware_concurrency()));
}

ModelHost::~ModelHost() = default;

void ModelHost::addTensor(void *data, size_t bytes, const std::string &name) {
  gm_.add(data, bytes, name);
}

void *ModelHost::allocScratch(size_t bytes, const char *name) {
  void *data = scratch_.allocate(bytes);
  gm_.add(data, bytes, name);
  return data;
}

void ModelHost::launch(const char *task, isa::TaskEntry entry, isa::CoreKind core,
                       int32_t blocks, void *const *gm, int32_t numGm,
                       const int64_t *scalars, int32_t numScalars) {
  if (core == isa::CoreKind::Mixed)
    throw LaunchFailure("kernel '" + options_.kernelName + "/" + task +
                        "': a mixed launch needs an AIC and an AIV entry (launchMixed)");
  run(task, entry, nullptr, core, blocks, gm, numGm, scalars);
}

void ModelHost::launchMixed(const char *task, isa::TaskEntry cubeEntry,
                            isa::TaskEntry vectorEntry, int32_t blocks, void *const *gm,
                            int32_t numGm, const int64_t *scalars, int32_t numScalars) {
  run(task, cubeEntry, vectorEntry, isa::CoreKind::Mixed, blocks, gm, numGm, scalars);
}

void ModelHost::run(const char *task, isa::TaskEntry entry, isa::TaskEntry vectorEntry,
                    isa::CoreKind core, int32_t blocks, void *const *gm, int32_t numGm,
                    const int64_t *scalars) {
  const std::string label = options_.kernelName + "/" + task;
  if (blocks < 1)
    throw LaunchFailure("kernel '" + label + "': launch with " + std::to_string(blocks) +
                        " blocks");
  for (int32_t i = 0; i < numGm; ++i)
    if (gm[i] && !gm_.find(gm[i]))
      throw LaunchFailure("kernel '" + label + "': GM argument #" + std::to_string(i) +
                          " points into no kernel tensor or scratch buffer");
  BlocksResult result = runBlocks(*options_.target, gm_, l2_,
                                  {label, entry, vectorEntry, core, blocks, gm, scalars,
                                   nowCycle_, options_.trace},
                                  options_.threads);
  if (result.error)
    throw LaunchFailure(*result.error);
  launches_.push_back({task, core, blocks, options_.target->cyclesToMicros(nowCycle_),
                       result.report});
  if (options_.onLaunch)
    options_.onLaunch(launches_.back());
  nowCycle_ = result.endCycle;
  for (auto &traced : result.tracedCores)
    tracedCores_.push_back(std::move(traced));
}

isa::ModelReport ModelHost::total() const {
  isa::ModelReport total;
  for (const LaunchRecord &launch : launches_) {
    addExceptTime(total, launch.report);
    total.micros += launch.report.micros;
  }
  return total;
}

void ModelHost::writeTrace(std::ostream &os) const {
  std::vector<const isa::CoreContext *> cores;
  for (const auto &core : tracedCores_)
    cores.push_back(core.get());
  isa::writeChromeTrace(os, cores);
}

Status runKernel(KernelEntry entry, ModelHost &host, const std::vector<void *> &params,
                 const std::vector<int64_t> &scalars) {
  try {
    entry(&host, params.data(), scalars.data());
  } catch (const LaunchFailure &failure) {
    return Error{failure.what()};
  } catch (const isa::ModelError &error) {
    return Error{error.what()};
  }
  return Status();
}

} // namespace tilec::launch
