//===- RuntimeDims.h - the value of each run-time dim for one run -*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_RUNTIMEDIMS_H
#define TILEC_TOOLS_TILE_RUN_RUNTIMEDIMS_H

#include "KernelInputs.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tilec::run {

/// A run-time dim (`dim T <= 8192`) and the value it takes in this run.
struct RuntimeDimValue {
  std::string name;
  int64_t value = 0;
  bool differs = false; ///< not the value the kernel was compiled at
};

/// The value of each run-time dim of the kernel: `--set NAME=V`, else (with
/// --inputs) the rows of the first input file it counts, else the value the
/// kernel was compiled at (its bound unless -D gives one). Reports a value
/// outside [1, bound] or an unreadable file and returns nullopt.
std::optional<std::vector<RuntimeDimValue>>
resolveRuntimeDims(const std::vector<interp::KernelParameter> &parameters, const InputOptions &options);

} // namespace tilec::run

#endif
