//===- ModelCheck.cpp - --check and the report of a model run -------------===//
#include "ModelCheck.h"

#include "OutputComparison.h"
#include "RunReport.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

namespace tilec::run {

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
