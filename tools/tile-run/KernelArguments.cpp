//===- KernelArguments.cpp - a kernel's tensors as its host program takes them -===//
#include "KernelArguments.h"

#include <cstring>

namespace tilec::run {
namespace {

/// A scalar parameter as the ABI passes it: i32 sign-extended, f32 as its bit
/// pattern in the low 32 bits.
int64_t scalarArgument(const HostTensor &value) {
  if (value.dtype() == DType::F32) {
    uint32_t bits;
    std::memcpy(&bits, value.rawData(), sizeof bits);
    return int64_t(bits);
  }
  return int64_t(value.data<int32_t>()[0]);
}

} // namespace

KernelArguments bindKernelArguments(const std::vector<interp::KernelParameter> &parameters,
                                    const std::vector<HostTensor> &inputs) {
  KernelArguments arguments;
  arguments.inputs = inputs;
  for (const interp::KernelParameter &parameter : parameters)
    if (parameter.isOutput)
      arguments.outputs.emplace_back(parameter.dtype, parameter.shape);
  size_t nextInput = 0, nextOutput = 0;
  for (const interp::KernelParameter &parameter : parameters) {
    HostTensor &tensor = parameter.isOutput ? arguments.outputs[nextOutput++]
                                            : arguments.inputs[nextInput++];
    if (parameter.isScalar) {
      arguments.scalars.push_back(scalarArgument(tensor));
      continue;
    }
    arguments.params.push_back(tensor.rawData());
    arguments.gmTensors.push_back({tensor.rawData(), tensor.byteSize(), parameter.name});
  }
  return arguments;
}

} // namespace tilec::run
