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
  Tolerance tolerance;    ///< the tolerance the points were held to
  bool compared = false;  ///< false when type or shape differ (errors are meaningless)
  std::string problem;    ///< why the output fails; empty when it passes
  bool passed() const { return problem.empty(); }
};

OutputComparison compareTensors(const std::string &name, const HostTensor &actual,
                                const HostTensor &expected, const Tolerance &tolerance);

/// A header line and one line per output (output, max abs err, max rel err,
/// tolerance as ATOL,RTOL,RATIO, failing / N, verdict), each ending in a newline.
std::string formatComparisonTable(const std::vector<OutputComparison> &rows);

/// Parses "NAME=ATOL,RTOL,RATIO" (e.g. "q=1e-4,0.0078125,0.005").
Result<std::pair<std::string, Tolerance>> parseToleranceSpec(std::string_view spec);

/// The default tolerance of every output of `kernel` that has one; outputs
/// not listed get `dtypeTolerance`. The only place per-kernel defaults live.
std::map<std::string, Tolerance> defaultTolerances(std::string_view kernel);

/// The tolerance of an output no table or --tol names, from its element type
/// and its expected values: integers exact; floats within `kFloatSteps` steps
/// of the expected value in their own type (rtol = steps * 2^-mantissa bits:
/// 4 for f32, 1 for bf16/f16) plus a few f32 ulps of the output's largest
/// magnitude (atol), because every float op computes in f32 and a sum whose
/// terms cancel keeps the rounding noise of its terms, not of its result.
/// No point may fail.
Tolerance dtypeTolerance(const HostTensor &expected);

} // namespace tilec
