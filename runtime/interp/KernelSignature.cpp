//===- KernelSignature.cpp - parameter names, types and shapes ------------===//
#include "runtime/interp/KernelSignature.h"

#include "runtime/interp/Frame.h"

#include "dialects/Tile/RuntimeDims.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"

namespace tilec::interp {

static std::string parameterName(tile::KernelOp kernel, unsigned index) {
  if (auto name = kernel.getArgAttrOfType<mlir::StringAttr>(index, kParameterNameAttr))
    return name.str();
  if (auto loc = mlir::dyn_cast<mlir::NameLoc>(kernel.getArgument(index).getLoc()))
    return loc.getName().str();
  return "arg" + std::to_string(index);
}

std::vector<KernelParameter> kernelParameters(tile::KernelOp kernel) {
  std::vector<KernelParameter> parameters;
  for (auto [index, type] : llvm::enumerate(kernel.getArgumentTypes())) {
    KernelParameter parameter;
    parameter.name = parameterName(kernel, index);
    parameter.dtype = elementDType(type);
    parameter.isOutput = kernel.isOutput(index);
    if (auto global = mlir::dyn_cast<tile::GlobalTensorType>(type))
      parameter.shape.assign(global.getShape().begin(), global.getShape().end());
    else
      parameter.isScalar = true;
    parameter.dimBound = tile::dimBound(kernel, index);
    parameter.rowsDim = tile::rowsDim(kernel, index);
    if (parameter.dimBound)
      parameter.compiledValue = tile::compiledDimValue(kernel, index);
    parameters.push_back(std::move(parameter));
  }
  return parameters;
}

std::optional<std::string> runtimeDimMismatch(const std::vector<KernelParameter> &parameters,
                                              const std::vector<HostTensor> &inputs) {
  size_t input = 0;
  for (size_t index = 0; index < parameters.size(); ++index) {
    const KernelParameter &parameter = parameters[index];
    if (parameter.isOutput)
      continue;
    const HostTensor *value = input < inputs.size() ? &inputs[input++] : nullptr;
    if (!parameter.dimBound || !value || value->dtype() != DType::I32 || value->rank() != 0)
      continue;
    int64_t given = *value->data<int32_t>();
    if (given != *parameter.compiledValue)
      return "run-time dim '" + parameter.name + "' is " + std::to_string(given) + ", but the kernel's tensors " +
"have " + std::to_string(*parameter.compiledValue) + " rows of it (bound " + std::to_string(*parameter.dimBound) +
             ")";
  }
  return std::nullopt;
}

} // namespace tilec::interp
