//===- Interpreter.cpp - kernel entry, control flow and op dispatch -------===//
#include "runtime/interp/Interpreter.h"

#include "dialects/Tile/ElementTypes.h"
#include "runtime/interp/Frame.h"
#include "runtime/interp/KernelSignature.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;

namespace tilec::interp {

TensorPtr Frame::tensorOrScalar(Value value, DType dtype) const {
  const RuntimeValue &runtime = lookup(value);
  if (auto *tensor = std::get_if<TensorPtr>(&runtime))
    return *tensor;
  Tensor scalar(dtype, {});
  scalar.elements[0] = std::holds_alternative<int64_t>(runtime)
                           ? double(std::get<int64_t>(runtime))
                           : std::get<double>(runtime);
  return std::make_shared<const Tensor>(std::move(scalar));
}

DType elementDType(Type type) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    type = shaped.getElementType();
  if (type.isIndex())
    return DType::I64;
  std::optional<DType> dtype = dtypeOf(type);
  assert(dtype && "element type outside the tile dialect's types");
  return *dtype;
}

namespace {

/// Runs blocks op by op; structured control flow recurses into its regions.
class Executor {
public:
  explicit Executor(Frame &frame) : frame_(frame) {}

  /// Binds the block's arguments, runs its ops and returns the values of its
  /// terminator's operands.
  FailureOr<SmallVector<RuntimeValue>> runBlock(Block &block, ArrayRef<RuntimeValue> arguments) {
    for (auto [argument, value] : llvm::zip_equal(block.getArguments(), arguments))
      frame_.bind(argument, value);
    for (Operation &op : block.without_terminator())
      if (failed(execute(&op)))
        return failure();
    SmallVector<RuntimeValue> yielded;
    if (Operation *terminator = block.getTerminator())
      for (Value operand : terminator->getOperands())
        yielded.push_back(frame_.lookup(operand));
    return yielded;
  }

private:
  LogicalResult execute(Operation *op) {
    return llvm::TypeSwitch<Operation *, LogicalResult>(op)
        .Case([&](scf::ForOp loop) { return executeFor(loop); })
        .Case([&](scf::IfOp branch) { return executeIf(branch); })
        .Case([&](tile::ScopeOp scope) { return executeScope(scope); })
        .Default([&](Operation *op) { return executeLeaf(op); });
  }

  LogicalResult executeLeaf(Operation *op) {
    for (auto family : {executeArithOp, executeMemoryOp, executeShapeOp, executeElementwiseOp,
                        executeCastOp, executeReductionOp, executeMatmulOp, executeCompositeOp,
                        executeSelectionOp, executeRankingOp})
      if (std::optional<LogicalResult> result = family(op, frame_))
        return *result;
    return op->emitError("the reference interpreter does not support '")
           << op->getName() << "'";
  }

  LogicalResult executeFor(scf::ForOp loop) {
    int64_t lower = frame_.integer(loop.getLowerBound());
    int64_t upper = frame_.integer(loop.getUpperBound());
    int64_t step = frame_.integer(loop.getStep());
    if (step <= 0)
      return loop.emitError("loop step must be positive, found ") << step;
    SmallVector<RuntimeValue> carried;
    for (Value init : loop.getInitArgs())
      carried.push_back(frame_.lookup(init));
    for (int64_t iv = lower; iv < upper; iv += step) {
      SmallVector<RuntimeValue> arguments = {iv};
      arguments.append(carried.begin(), carried.end());
      FailureOr<SmallVector<RuntimeValue>> yielded = runBlock(*loop.getBody(), arguments);
      if (failed(yielded))
        return failure();
      carried = std::move(*yielded);
    }
    for (auto [result, value] : llvm::zip_equal(loop.getResults(), carried))
      frame_.bind(result, value);
    return success();
  }

  LogicalResult executeScope(tile::ScopeOp scope) {
    FailureOr<SmallVector<RuntimeValue>> yielded = runBlock(scope.getBody().front(), {});
    if (failed(yielded))
      return failure();
    for (auto [result, value] : llvm::zip_equal(scope.getResults(), *yielded))
      frame_.bind(result, value);
    return success();
  }

  LogicalResult executeIf(scf::IfOp branch) {
    Region &taken = frame_.integer(branch.getCondition()) ? branch.getThenRegion()
                                                          : branch.getElseRegion();
    if (taken.empty())
      return success();
    FailureOr<SmallVector<RuntimeValue>> yielded = runBlock(taken.front(), {});
    if (failed(yielded))
      return failure();
    for (auto [result, value] : llvm::zip_equal(branch.getResults(), *yielded))
      frame_.bind(result, value);
    return success();
  }

  Frame &frame_;
};

/// The runtime value of parameter `parameter` given its host tensor.
RuntimeValue parameterValue(const KernelParameter &parameter, const HostTensor &host) {
  if (!parameter.isScalar)
    return std::make_shared<GlobalBuffer>(fromHost(host));
  double value = host.elementAsDouble(0);
  if (isFloat(parameter.dtype))
    return value;
  return int64_t(value);
}

} // namespace

FailureOr<std::vector<HostTensor>> interpretKernel(tile::KernelOp kernel,
                                                   const std::vector<HostTensor> &inputs) {
  if (failed(verify(kernel)))
    return failure();
  std::vector<KernelParameter> parameters = kernelParameters(kernel);
  Frame frame;
  SmallVector<RuntimeValue> arguments;
  size_t nextInput = 0;
  for (const KernelParameter &parameter : parameters) {
    if (parameter.isOutput) {
      arguments.push_back(parameterValue(parameter, HostTensor(parameter.dtype, parameter.shape)));
      continue;
    }
    if (nextInput == inputs.size())
      return kernel.emitError("interpreter: no input for parameter '") << parameter.name << "'";
    const HostTensor &input = inputs[nextInput++];
    if (input.dtype() != parameter.dtype || input.shape() != parameter.shape)
      return kernel.emitError("interpreter: input '")
             << parameter.name << "' must be " << formatShape(parameter.shape) << " "
             << name(parameter.dtype).data() << ", found " << formatShape(input.shape()) << " "
             << name(input.dtype()).data();
    arguments.push_back(parameterValue(parameter, input));
  }
  if (nextInput != inputs.size())
    return kernel.emitError("interpreter: ") << inputs.size() << " inputs for " << nextInput
                                             << " input parameters";
  if (std::optional<std::string> mismatch = runtimeDimMismatch(parameters, inputs))
    return kernel.emitError("interpreter: ") << *mismatch;

  Executor executor(frame);
  if (failed(executor.runBlock(kernel.getBody().front(), arguments)))
    return failure();

  std::vector<HostTensor> outputs;
  for (auto [index, parameter] : llvm::enumerate(parameters))
    if (parameter.isOutput)
      outputs.push_back(toHost(std::get<GlobalPtr>(arguments[index])->contents()));
  return outputs;
}

} // namespace tilec::interp
