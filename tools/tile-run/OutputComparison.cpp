//===- OutputComparison.cpp - --compare: outputs against expected files ---===//
#include "OutputComparison.h"

#include "runtime/compare/Compare.h"
#include "runtime/tensor/Npy.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace tilec::run {

std::optional<std::map<std::string, Tolerance>>
resolveTolerances(const std::string &kernelName,
                  const std::vector<const interp::KernelParameter *> &outputParameters,
                  const std::vector<std::string> &toleranceSpecs) {
  std::vector<std::string> outputNames;
  for (const interp::KernelParameter *parameter : outputParameters)
    outputNames.push_back(parameter->name);
  std::map<std::string, Tolerance> tolerances = defaultTolerances(kernelName);
  bool ok = true;
  for (const std::string &spec : toleranceSpecs) {
    auto parsed = parseToleranceSpec(spec);
    if (!parsed) {
      llvm::errs() << "tile-run: error: " << parsed.error() << "\n";
      ok = false;
    } else if (!llvm::is_contained(outputNames, parsed->first)) {
      llvm::errs() << "tile-run: error: --tol " << spec << ": kernel '" << kernelName
                   << "' has no output '" << parsed->first
                   << "' (outputs: " << llvm::join(outputNames, ", ") << ")\n";
      ok = false;
    } else {
      tolerances[parsed->first] = parsed->second;
    }
  }
  if (!ok)
    return std::nullopt;
  return tolerances;
}

bool compareOutputs(const std::vector<const interp::KernelParameter *> &outputParameters,
                    const std::vector<HostTensor> &outputs, const std::string &expectedDir,
                    const std::map<std::string, Tolerance> &tolerances) {
  bool ok = true;
  std::vector<HostTensor> expected;
  for (const interp::KernelParameter *parameter : outputParameters) {
    llvm::SmallString<256> path(expectedDir);
    llvm::sys::path::append(path, parameter->name + ".npy");
    if (!llvm::sys::fs::exists(path)) {
      llvm::errs() << "tile-run: error: expected output '" << parameter->name << "': missing file "
                   << path << "\n";
      ok = false;
      continue;
    }
    Result<HostTensor> tensor = loadParameter(path.str().str(), parameter->name, parameter->dtype,
                                              parameter->shape, "expected output");
    if (!tensor) {
      llvm::errs() << "tile-run: error: " << tensor.error() << "\n";
      ok = false;
      continue;
    }
    expected.push_back(std::move(*tensor));
  }
  if (!ok)
    return false;

  std::vector<OutputComparison> rows =
      compareOutputTensors(outputParameters, outputs, expected, tolerances);
  llvm::outs() << formatComparisonTable(rows);
  llvm::outs().flush();
  return llvm::all_of(rows, [](const OutputComparison &row) { return row.passed(); });
}

std::vector<OutputComparison>
compareOutputTensors(const std::vector<const interp::KernelParameter *> &outputParameters,
                     const std::vector<HostTensor> &outputs, const std::vector<HostTensor> &expected,
                     const std::map<std::string, Tolerance> &tolerances) {
  std::vector<OutputComparison> rows;
  for (size_t i = 0; i < outputs.size(); ++i) {
    const std::string &name = outputParameters[i]->name;
    auto tolerance = tolerances.find(name);
    rows.push_back(compareTensors(name, outputs[i], expected[i],
                                  tolerance == tolerances.end() ? dtypeTolerance(expected[i])
                                                                : tolerance->second));
  }
  return rows;
}

} // namespace tilec::run
