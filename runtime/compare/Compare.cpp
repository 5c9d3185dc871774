// Element-wise comparison of an output with its expected tensor.
#include "runtime/compare/Compare.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace tilec {

OutputComparison compareTensors(const std::string &name, const HostTensor &actual,
                                const HostTensor &expected, const Tolerance &tolerance) {
  OutputComparison result;
  result.name = name;
  result.tolerance = tolerance;
  result.total = expected.numElements();
  if (actual.dtype() != expected.dtype() || actual.shape() != expected.shape()) {
    result.failing = result.total;
    result.problem = "found " + formatShape(actual.shape()) + " " +
                     std::string(tilec::name(actual.dtype())) + ", expected " +
                     formatShape(expected.shape()) + " " + std::string(tilec::name(expected.dtype()));
    return result;
  }
  result.compared = true;
  bool nonFinite = false;
  for (int64_t i = 0; i < result.total; ++i) {
    double a = actual.elementAsDouble(i), e = expected.elementAsDouble(i);
    nonFinite |= !std::isfinite(a);
    if (!std::isfinite(a) || !std::isfinite(e)) {
      result.maxAbsError = std::numeric_limits<double>::infinity();
      ++result.failing;
      continue;
    }
    double error = std::fabs(a - e);
    result.maxAbsError = std::max(result.maxAbsError, error);
    if (e != 0)
      result.maxRelError = std::max(result.maxRelError, error / std::fabs(e));
    if (!(error <= tolerance.atol + tolerance.rtol * std::fabs(e)))
      ++result.failing;
  }
  if (nonFinite)
    result.problem = "NaN/Inf in actual";
  else if (double(result.failing) > tolerance.ratio * double(result.total))
    result.problem = "too many failing points";
  return result;
}

namespace {
std::string formatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

std::string padLeft(const std::string &text, size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string padRight(const std::string &text, size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

/// As --tol spells it, so a row's tolerance can be passed back.
std::string formatTolerance(const Tolerance &tolerance) {
  return formatNumber(tolerance.atol) + "," + formatNumber(tolerance.rtol) + "," +
         formatNumber(tolerance.ratio);
}
} // namespace

std::string formatComparisonTable(const std::vector<OutputComparison> &rows) {
  std::string table = padRight("output", 12) + " " + padLeft("max abs err", 12) + " " +
                      padLeft("max rel err", 12) + " " + padLeft("atol,rtol,ratio", 28) + " " +
                      padLeft("failing / N", 20) + "  verdict\n";
  for (const OutputComparison &row : rows) {
    std::string counts = std::to_string(row.failing) + " / " + std::to_string(row.total);
    table += padRight(row.name, 12) + " " +
             padLeft(row.compared ? formatNumber(row.maxAbsError) : "-", 12) + " " +
             padLeft(row.compared ? formatNumber(row.maxRelError) : "-", 12) + " " +
             padLeft(formatTolerance(row.tolerance), 28) + " " + padLeft(counts, 20) + "  " + (row.passed() ? "PASS" : "FAIL (" + row.problem + ")") +
             "\n";
  }
  return table;
}

} // namespace tilec
