//===- ModelCheck.cpp - --check and the report of a model run -------------===//
#include "ModelCheck.h"

#include "OutputComparison.h"
#include "RunReport.h"

#include "dialects/Tile/KernelWork.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

namespace tilec::run {
namespace {

/// The kernel's i32 scalar arguments at this run's inputs (one per input
/// parameter, in order): they may bound a loop around a matmul.
llvm::DenseMap<mlir::Value, int64_t> scalarArguments(tile::KernelOp kernel,
                                                     const std::vector<HostTensor> &inputs) {
  llvm::DenseMap<mlir::Value, int64_t> arguments;
  size_t input = 0;
  for (auto [index, parameter] : llvm::enumerate(interp::kernelParameters(kernel))) {
    if (parameter.isOutput)
      continue;
    const HostTensor &value = inputs[input++];
    if (parameter.isScalar && value.dtype() == DType::I32)
      arguments[kernel.getBody().getArgument(index)] = value.data<int32_t>()[0];
  }
  return arguments;
}

} // namespace

bool checkAndReport(const ModelRunner &model, tile::KernelOp kernel,
                    const std::vector<HostTensor> &inputs,
                    const std::vector<const interp::KernelParameter *> &outputParameters,
                    const std::vector<HostTensor> &outputs,
                    const std::map<std::string, Tolerance> &tolerances,
                    const ModelCheckOptions &options) {
  RunReport report;
  report.kernel = kernel.getSymName().str();
  report.target = options.target;
  report.model = &model.info();
  report.parameterBytes = parameterBytes(inputs, outputs);
  if (std::optional<std::map<DType, uint64_t>> macs = tile::matmulMacs(kernel, scalarArguments(kernel, inputs)))
    report.cubeWorkMicros = tile::cubeWorkMicros(*options.target, *macs);
  bool passed = true;
  if (options.check) {
    mlir::FailureOr<std::vector<HostTensor>> expected =
        createInterpreterRunner()->run(kernel, inputs);
    if (mlir::failed(expected))
      return false;
    report.check = compareOutputTensors(outputParameters, outputs, *expected, tolerances);
    llvm::outs() << formatComparisonTable(*report.check);
    passed = llvm::all_of(*report.check, [](const OutputComparison &row) { return row.passed(); });
  }
  report.wallSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - options.started).count();
  printRunReport(llvm::outs(), report);
  llvm::outs().flush();
  if (!options.reportPath.empty() && !writeRunReportJson(options.reportPath, report))
    return false;
  return passed;
}

} // namespace tilec::run
