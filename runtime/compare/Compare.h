// Comparing kernel outputs with expected tensors under per-output tolerances:
// a point passes when |a − e| ≤ atol + rtol·|e| (both finite); an output
// passes when at most ratio·N points fail and it holds no NaN/Inf. Shared by
// `tile-run --compare` and the CPU-model check against the interpreter.
#pragma once

#include "runtime/tensor/HostTensor.h"
#include "runtime/tensor/Result.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tilec {

struct Tolerance {
  double atol = 0;
  double rtol = 0;
  double ratio = 0; ///< fraction of the points allowed to fail
};

/// The outcome for one output, one row of the report table.
struct OutputComparison {
  std::string name;
  double maxAbsError = 0; ///< over every point (Inf when a value is not finite)
  double maxRelError = 0; ///< over the finite points with a nonzero expected value
  int64_t failing = 0;
  int64_t total = 0;
  bool compared = false;  ///< false when type or shape differ (errors are meaningless)
  std::string problem;    ///< why the output fails; empty when it passes
  bool passed() const { return problem.empty(); }
};

OutputComparison compareTensors(const std::string &name, const HostTensor &actual,
                                const HostTensor &expected, const Tolerance &tolerance);

/// A header line and one line per output (output, max abs err, max rel err,
/// failing / N, verdict), each ending in a newline.
std::string formatComparisonTable(const std::vector<OutputComparison> &rows);

/// Parses "NAME=ATOL,RTOL,RATIO" (e.g. "q=1e-4,0.0078125,0.005").
Result<std::pair<std::string, Tolerance>> parseToleranceSpec(std::string_view spec);

/// The default tolerance of every output of `kernel` that has one; outputs
/// not listed compare exactly. The only place per-kernel defaults live.
std::map<std::string, Tolerance> defaultTolerances(std::string_view kernel);

} // namespace tilec
