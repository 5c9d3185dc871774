//===- RunReport.cpp - what a model run cost, as text and JSON ------------===//
#include "RunReport.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace tilec::run {
namespace {

using target::kNumPaths;
using target::kNumPipes;
using target::Path;
using target::Pipe;

llvm::json::Object pipeBusy(const isa::ModelReport &r) {
  llvm::json::Object busy;
  for (int p = 0; p < kNumPipes; ++p)
    busy[std::string(target::name(Pipe(p)))] = r.busyMicros[p];
  return busy;
}

llvm::json::Object pathBytes(const isa::ModelReport &r) {
  llvm::json::Object bytes;
  for (int p = 0; p < kNumPaths; ++p)
    if (r.bytes[p])
      bytes[std::string(target::name(Path(p)))] = int64_t(r.bytes[p]);
  return bytes;
}

isa::Roofline workRoofline(const RunReport &report) {
  const isa::ModelReport &total = report.model->total;
  return isa::workRoofline(*report.target, total, report.parameterBytes,
                           report.cubeWorkMicros.value_or(total.cubeBoundMicros));
}

/// Where the work roofline's cube term comes from.
const char *cubeWorkSource(const RunReport &report) {
  return report.cubeWorkMicros ? "matmul MACs at peak" : "the model's cube time";
}

} // namespace

llvm::json::Value toJson(const RunReport &report) {
  const ModelRunInfo &model = *report.model;
  const isa::ModelReport &total = model.total;
  llvm::json::Array launches;
  for (const launch::LaunchRecord &launch : model.launches)
    launches.push_back(llvm::json::Object{{"task", launch.task},
                                          {"core", isa::coreKindName(launch.kind)},
                                          {"blocks", launch.blocks},
                                          {"start_us", launch.startMicros},
                                          {"modeled_us", launch.report.micros}});
  isa::Roofline work = workRoofline(report);
  llvm::json::Object json{
      {"kernel", report.kernel},
      {"target", std::string(report.target->name)},
      {"modeled_us", total.micros},
      {"roofline",
       llvm::json::Object{{"bound_us", total.boundMicros()},
                          {"bound_by", total.boundBy()},
                          {"ratio", total.rooflineRatio()},
                          {"cube_us", total.cubeBoundMicros},
                          {"vector_us", total.vectorBoundMicros},
                          {"memory_us", total.memoryBoundMicros}}},
      {"work_roofline",
       llvm::json::Object{{"parameter_bytes", int64_t(report.parameterBytes)},
                          {"bound_us", work.boundMicros()},
                          {"bound_by", work.boundBy()},
                          {"modeled_over_bound", total.micros / work.boundMicros()},
                          {"cube_us", work.cubeMicros},
                          {"cube_from", cubeWorkSource(report)},
                          {"vector_us", work.vectorMicros},
                          {"memory_us", work.memoryMicros}}},
      {"pipe_busy_us", pipeBusy(total)},
      {"bytes", pathBytes(total)},
      {"gm_bytes", int64_t(total.gmBytes)},
      {"l2",
       llvm::json::Object{{"hit_bytes", int64_t(total.l2HitBytes)},
                          {"hbm_bytes", int64_t(total.hbmBytes())},
                          {"hbm_read_bytes", int64_t(total.hbmReadBytes)},
                          {"hbm_write_bytes", int64_t(total.hbmWriteBytes)},
                          {"dirty_at_end_bytes", int64_t(model.l2DirtyBytes)}}},
      {"macs", int64_t(total.macs)},
      {"launches", std::move(launches)},
      {"host",
       llvm::json::Object{{"wall_s", report.wallSeconds},
                          {"compile_s", model.compileSeconds},
                          {"model_s", model.runSeconds},
                          {"cache", model.cacheHit ? "hit" : "miss"},
                          {"cache_key", model.cacheKey}}}};
  if (report.check) {
    llvm::json::Array outputs;
    bool passed = true;
    for (const OutputComparison &row : *report.check) {
      passed = passed && row.passed();
      outputs.push_back(llvm::json::Object{{"name", row.name},
                                           {"max_abs_error", row.maxAbsError},
                                           {"max_rel_error", row.maxRelError},
                                           {"tolerance",
                                            llvm::json::Object{{"atol", row.tolerance.atol},
                                                               {"rtol", row.tolerance.rtol},
                                                               {"ratio", row.tolerance.ratio}}},
                                           {"failing", row.failing},
                                           {"total", row.total},
                                           {"passed", row.passed()},
                                           {"problem", row.problem}});
    }
    json["check"] = llvm::json::Object{{"passed", passed}, {"outputs", std::move(outputs)}};
  }
  return json;
}

uint64_t parameterBytes(const std::vector<HostTensor> &inputs,
                        const std::vector<HostTensor> &outputs) {
  uint64_t bytes = 0;
  for (const std::vector<HostTensor> *tensors : {&inputs, &outputs})
    for (const HostTensor &tensor : *tensors)
      if (!tensor.shape().empty())
        bytes += tensor.byteSize();
  return bytes;
}

void printRunReport(llvm::raw_ostream &os, const RunReport &report) {
  const ModelRunInfo &model = *report.model;
  const isa::ModelReport &total = model.total;
  os << "model:     " << llvm::format("%.3f", total.micros) << " us on "
     << report.target->name << " (" << model.launches.size() << " launches)\n";
  for (const launch::LaunchRecord &launch : model.launches)
    os << "  launch   " << launch.task << " (" << isa::coreKindName(launch.kind) << " x"
       << launch.blocks << ") at " << llvm::format("%.3f", launch.startMicros) << " us: "
       << llvm::format("%.3f", launch.report.micros) << " us\n";
  os << "roofline:  bound " << llvm::format("%.3f", total.boundMicros()) << " us ("
     << total.boundBy() << "; cube " << llvm::format("%.3f", total.cubeBoundMicros)
     << ", vector " << llvm::format("%.3f", total.vectorBoundMicros) << ", memory "
     << llvm::format("%.3f", total.memoryBoundMicros) << "), ratio "
     << llvm::format("%.2f", total.rooflineRatio()) << "\n";
  isa::Roofline work = workRoofline(report);
  os << "work:      bound " << llvm::format("%.3f", work.boundMicros()) << " us ("
     << work.boundBy() << "; parameters once " << llvm::format("%.2f", report.parameterBytes / 1e6)
     << " MB = memory " << llvm::format("%.3f", work.memoryMicros) << ", cube "
     << llvm::format("%.3f", work.cubeMicros) << " (" << cubeWorkSource(report) << "), vector "
     << llvm::format("%.3f", work.vectorMicros)
     << "), modeled "
     << llvm::format("%.2f", total.micros / work.boundMicros()) << "x the bound\n";
  os << "busy us:  ";
  for (int p = 0; p < kNumPipes; ++p)
    os << " " << target::name(Pipe(p)) << " " << llvm::format("%.3f", total.busyMicros[p]);
  os << "\n";
  os << "GM bytes:  " << total.gmBytes;
  const char *sep = " (";
  for (int p = 0; p < kNumPaths; ++p)
    if (report.target->paths[p].touchesGm && total.bytes[p]) {
      os << sep << target::name(Path(p)) << " " << total.bytes[p];
      sep = ", ";
    }
  os << (*sep == ',' ? ")" : "") << "\n";
  os << "L2:        hits " << total.l2HitBytes << " of the GM reads; HBM " << total.hbmBytes()
     << " (line fills " << total.hbmReadBytes << ", write-backs " << total.hbmWriteBytes
     << "); " << model.l2DirtyBytes << " left dirty, written back after the kernel\n";
  os << "host:      " << llvm::format("%.2f", report.wallSeconds) << " s wall (compile "
     << llvm::format("%.2f", model.compileSeconds) << " s, cache "
     << (model.cacheHit ? "hit" : "miss") << "; model "
     << llvm::format("%.2f", model.runSeconds) << " s)\n";
}

bool writeRunReportJson(const std::string &path, const RunReport &report) {
  std::error_code error;
  llvm::raw_fd_ostream os(path, error);
  if (error) {
    llvm::errs() << "tile-run: error: cannot write " << path << ": " << error.message() << "\n";
    return false;
  }
  os << llvm::formatv("{0:2}", toJson(report)) << "\n";
  return true;
}

} // namespace tilec::run
