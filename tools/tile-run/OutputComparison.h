//===- OutputComparison.h - --compare: outputs against expected files -*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_OUTPUTCOMPARISON_H
#define TILEC_TOOLS_TILE_RUN_OUTPUTCOMPARISON_H

#include "runtime/compare/Compare.h"
#include "runtime/interp/KernelSignature.h"

#include <map>
#include <optional>

#include <string>
#include <vector>

namespace tilec::run {

/// The kernel's default tolerances (runtime/compare) overridden by
/// `toleranceSpecs` (NAME=ATOL,RTOL,RATIO, later wins); nullopt after
/// reporting a malformed spec or one naming no output.
std::optional<std::map<std::string, Tolerance>>
resolveTolerances(const std::string &kernelName,
                  const std::vector<const interp::KernelParameter *> &outputParameters,
                  const std::vector<std::string> &toleranceSpecs);

/// Compares each output with `<expectedDir>/<name>.npy` (under
/// `dtypeTolerance` unless `tolerances` lists it), prints the table on stdout and returns true when
/// every output passes. Unreadable expected files are reported as errors.
bool compareOutputs(const std::vector<const interp::KernelParameter *> &outputParameters,
                    const std::vector<HostTensor> &outputs, const std::string &expectedDir,
                    const std::map<std::string, Tolerance> &tolerances);

/// Compares each output with the tensor at the same position of `expected`
/// (e.g. the interpreter's outputs for `--check`); one row per output.
std::vector<OutputComparison>
compareOutputTensors(const std::vector<const interp::KernelParameter *> &outputParameters,
                     const std::vector<HostTensor> &outputs, const std::vector<HostTensor> &expected,
                     const std::map<std::string, Tolerance> &tolerances);

} // namespace tilec::run

#endif
