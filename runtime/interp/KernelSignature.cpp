//===- KernelSignature.cpp - parameter names, types and shapes ------------===//
#include "runtime/interp/KernelSignature.h"

#include "runtime/interp/Frame.h"

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
    parameters.push_back(std::move(parameter));
  }
  return parameters;
}

} // namespace tilec::interp
