//===- ModelCheck.h - --check and the report of a model run -----*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_MODELCHECK_H
#define TILEC_TOOLS_TILE_RUN_MODELCHECK_H

#include "ModelRunner.h"

#include "runtime/compare/Compare.h"
#include "runtime/interp/KernelSignature.h"

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace tilec::run {

struct ModelCheckOptions {
  const target::TargetDescription *target = nullptr;
  bool check = false;     ///< run the interpreter and compare every output
  std::string reportPath; ///< --report: the report as JSON
  std::chrono::steady_clock::time_point started; ///< when tile-run started
};

/// After a model run: with `check`, runs the reference interpreter on the
/// same inputs and prints the comparison table; then prints the report (and
/// writes it as JSON). Returns false when an output fails the comparison, the
/// interpreter fails or the report cannot be written.
bool checkAndReport(const ModelRunner &model, tile::KernelOp kernel,
                    const std::vector<HostTensor> &inputs,
                    const std::vector<const interp::KernelParameter *> &outputParameters,
                    const std::vector<HostTensor> &outputs,
                    const std::map<std::string, Tolerance> &tolerances,
                    const ModelCheckOptions &options);

} // namespace tilec::run

#endif
