//===- KernelInputs.h - a kernel's inputs from files, seeds and --set -*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_KERNELINPUTS_H
#define TILEC_TOOLS_TILE_RUN_KERNELINPUTS_H

#include "runtime/interp/KernelSignature.h"

#include <optional>
#include <string>
#include <vector>

namespace tilec::run {

struct InputOptions {
  std::string inputsDir;               ///< --inputs: <name>.npy per input
  std::optional<uint64_t> randomSeed;  ///< --random: seeded random inputs instead
  std::vector<std::string> scalarSets; ///< --set NAME=VALUE for scalar parameters
  std::vector<std::string> rangeSpecs; ///< --range NAME=LO,HI for random inputs
};

/// One tensor per input (non-output) parameter, in order. Random inputs keep
/// to the ranges the kernel's indexing allows (InputRanges.h), which --range
/// overrides. On bad input prints
/// one "tile-run: error:" line per problem, naming the parameter, what was
/// expected and what was found, and returns nullopt.
std::optional<std::vector<HostTensor>> gatherInputs(tile::KernelOp kernel,
                                                    const std::vector<interp::KernelParameter> &parameters,
                                                    const InputOptions &options);

/// Writes `<dir>/<name>.npy` for each (parameter, tensor) pair, creating
/// `dir`; each file appears whole or not at all. Prints an error and returns
/// false on failure.
bool writeTensors(const std::string &dir, const std::vector<const interp::KernelParameter *> &parameters,
                  const std::vector<HostTensor> &tensors);

} // namespace tilec::run

#endif
