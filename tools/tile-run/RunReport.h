//===- RunReport.h - what a model run cost, as text and JSON ----*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_RUNREPORT_H
#define TILEC_TOOLS_TILE_RUN_RUNREPORT_H

#include "ModelRunner.h"

#include "runtime/compare/Compare.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace tilec::run {

struct RunReport {
  std::string kernel;
  const target::TargetDescription *target = nullptr;
  const ModelRunInfo *model = nullptr;
  /// Bytes of the kernel's tensor parameters, inputs and outputs: the traffic
  /// of the work itself, for the work roofline.
  uint64_t parameterBytes = 0;
  /// The kernel's matmul multiply-accumulates at the cube's peak, for the work
  /// roofline; when a loop's trip count hides them, the cube time the model ran.
  std::optional<double> cubeWorkMicros;
  /// --check: one row per output against the interpreter.
  std::optional<std::vector<OutputComparison>> check;
  double wallSeconds = 0; ///< the whole tile-run invocation
};

/// RunReport::parameterBytes of a run: the bytes of its tensor (not scalar)
/// inputs and outputs.
uint64_t parameterBytes(const std::vector<HostTensor> &inputs,
                        const std::vector<HostTensor> &outputs);

/// The modelled time, roofline, work roofline, per-pipe busy time, GM bytes, launches and
/// host times, a few aligned lines.
void printRunReport(llvm::raw_ostream &os, const RunReport &report);

/// The same as one JSON object (times in µs unless named *_s).
llvm::json::Value toJson(const RunReport &report);

/// toJson written to `path`; prints an error and returns false when the file
/// cannot be written.
bool writeRunReportJson(const std::string &path, const RunReport &report);

} // namespace tilec::run

#endif
