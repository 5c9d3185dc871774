//===- KernelArguments.h - a kernel's tensors as its host program takes them -*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_KERNELARGUMENTS_H
#define TILEC_TOOLS_TILE_RUN_KERNELARGUMENTS_H

#include "runtime/interp/KernelSignature.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tilec::run {

/// The arguments of `tilec_kernel_<name>(host, params, scalars)`: GM tensors
/// (inputs, then fresh zeroed outputs, as declared) by pointer in `params`,
/// scalar parameters as int64_t slots (runtime/isa/LaunchAbi.h). The pointers
/// point into `inputs` and `outputs`, which a move keeps in place.
struct KernelArguments {
  std::vector<HostTensor> inputs; ///< copies: a kernel may write its GM inputs
  std::vector<HostTensor> outputs;
  std::vector<void *> params;
  std::vector<int64_t> scalars;
  /// The tensor behind each entry of `params`, with its parameter's name.
  struct GmTensor {
    void *data;
    size_t bytes;
    std::string name;
  };
  std::vector<GmTensor> gmTensors;
};

/// `inputs` (the non-output parameters in order) and zeroed outputs bound to
/// `parameters`.
KernelArguments bindKernelArguments(const std::vector<interp::KernelParameter> &parameters,
                                    const std::vector<HostTensor> &inputs);

} // namespace tilec::run

#endif
